package uk.nhsjob.matcher.matching;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code matching} in the readiness group: up once the sent matches are reconciled and
 * the match index and the open vacancies have been read once as far as their topics
 * reached; until then previews and welcome sets would miss vacancies. Afterwards the
 * readers' health is in the {@code background} group, not here: a broker away for a while
 * does not take the pages down.
 */
@Component
class MatchingHealthIndicator extends AbstractHealthIndicator {

	private final MatchingStartup startup;

	private final TopicFollower vacancyView;

	private final TopicFollower profiles;

	private final ActiveAlertIndex activeAlerts;

	private final OpenVacancies openVacancies;

	MatchingHealthIndicator(MatchingStartup startup, OpenVacancyReader vacancyView, AlertProfileReader profiles,
			ActiveAlertIndex activeAlerts, OpenVacancies openVacancies) {
		super("Matching health check failed");
		this.startup = startup;
		this.vacancyView = vacancyView;
		this.profiles = profiles;
		this.activeAlerts = activeAlerts;
		this.openVacancies = openVacancies;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean ready = this.startup.isDone() && this.profiles.hasCaughtUpOnce() && this.vacancyView.hasCaughtUpOnce();
		(ready ? builder.up() : builder.outOfService()).withDetail("activeAlerts", this.activeAlerts.size())
			.withDetail("openVacancies", this.openVacancies.size())
			.withDetail("openVacanciesRead", this.vacancyView.hasCaughtUpOnce());
	}

}

package uk.nhsjob.matcher.matching;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code matching} in the readiness group: up once the match index and the open vacancies
 * have been read once as far as their topics reached; until then previews and welcome
 * sets would miss vacancies. Afterwards the readers' health is in the {@code background}
 * group, not here: a broker away for a while does not take the pages down. The sent pairs
 * are reconciled beside it, from their checkpoint ({@link SentReconciliation}).
 */
@Component
class MatchingHealthIndicator extends AbstractHealthIndicator {

	private final TopicFollower vacancyView;

	private final TopicFollower profiles;

	private final ActiveAlertIndex activeAlerts;

	private final OpenVacancies openVacancies;

	MatchingHealthIndicator(OpenVacancyReader vacancyView, AlertProfileReader profiles, ActiveAlertIndex activeAlerts,
			OpenVacancies openVacancies) {
		super("Matching health check failed");
		this.vacancyView = vacancyView;
		this.profiles = profiles;
		this.activeAlerts = activeAlerts;
		this.openVacancies = openVacancies;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean ready = this.profiles.hasCaughtUpOnce() && this.vacancyView.hasCaughtUpOnce();
		(ready ? builder.up() : builder.outOfService()).withDetail("activeAlerts", this.activeAlerts.size())
			.withDetail("openVacancies", this.openVacancies.size())
			.withDetail("openVacanciesRead", this.vacancyView.hasCaughtUpOnce());
	}

}

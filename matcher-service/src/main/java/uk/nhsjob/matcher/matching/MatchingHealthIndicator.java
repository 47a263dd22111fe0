package uk.nhsjob.matcher.matching;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code matching} in the readiness group: up once the match index is rebuilt and the
 * open vacancies are read as far as the stream reached on start; until then previews and
 * welcome sets would miss vacancies.
 */
@Component
class MatchingHealthIndicator extends AbstractHealthIndicator {

	private final MatchingStartup startup;

	private final RebuildProgress vacancies;

	private final ActiveAlerts activeAlerts;

	private final OpenVacancies openVacancies;

	MatchingHealthIndicator(MatchingStartup startup, RebuildProgress vacancies, ActiveAlerts activeAlerts,
			OpenVacancies openVacancies) {
		super("Matching health check failed");
		this.startup = startup;
		this.vacancies = vacancies;
		this.activeAlerts = activeAlerts;
		this.openVacancies = openVacancies;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean ready = this.startup.isDone() && this.activeAlerts.isBuilt() && this.vacancies.isComplete();
		(ready ? builder.up() : builder.outOfService()).withDetail("activeAlerts", this.activeAlerts.size())
			.withDetail("openVacancies", this.openVacancies.size())
			.withDetail("openVacanciesRead", this.vacancies.isComplete());
	}

}

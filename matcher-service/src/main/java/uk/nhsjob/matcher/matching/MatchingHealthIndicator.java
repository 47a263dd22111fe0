package uk.nhsjob.matcher.matching;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.Dependency;

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
		if (!ready) {
			waitingFor(this.profiles.hasCaughtUpOnce() ? this.vacancyView : this.profiles, builder);
		}
	}

	/**
	 * What readiness waits for: the reader still reading its topic for the first time,
	 * the dependency holding it up (Kafka, unless a failure names another) and since
	 * when; the kind of failure only, never its message.
	 */
	private static void waitingFor(TopicFollower follower, Health.Builder builder) {
		BackgroundReader reader = follower.reader();
		Dependency dependency = reader.dependency();
		builder.withDetail("waitingFor", reader.name())
			.withDetail("dependency",
					((dependency != null && dependency != Dependency.OTHER) ? dependency : Dependency.KAFKA).label());
		Instant since = reader.unhealthySince();
		if (since != null) {
			builder.withDetail("downSince", since.truncatedTo(ChronoUnit.SECONDS).toString());
		}
		String reason = reader.reason();
		if (reason != null) {
			builder.withDetail((reader.state() == BackgroundReader.State.FAILING) ? "error" : "reason", reason);
		}
	}

}

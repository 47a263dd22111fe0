package uk.nhsjob.matcher.matching;

import java.util.concurrent.ThreadPoolExecutor;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import uk.nhsjob.matcher.alert.AlertConfirmed;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;

/**
 * Sends a welcome set as soon as its alert is confirmed, and again every so often any
 * that could not be sent then (broker away, open vacancies still being rebuilt).
 * <p>
 * The confirmation's own request does not wait for it (docs/matching.md, "Welcome sets
 * without a lock"): the welcome set is built on a few threads of its own, with a bounded
 * queue. One they cannot take now is dropped here and loses nothing: it stays due in its
 * outbox ({@link WelcomeSetOutbox}) until it is published, and the relay below builds it.
 */
@Component
class WelcomeSets {

	private static final Logger log = LoggerFactory.getLogger(WelcomeSets.class);

	/** Building one scans the open vacancies once: two at a time are plenty. */
	private static final int BUILDERS = 2;

	/** Beyond this many waiting, the relay builds the rest. */
	private static final int WAITING = 100;

	private final Matchmaker matchmaker;

	private final WelcomeSetOutbox outbox;

	private final ThreadPoolTaskExecutor builders = new ThreadPoolTaskExecutor();

	WelcomeSets(Matchmaker matchmaker, WelcomeSetOutbox outbox) {
		this.matchmaker = matchmaker;
		this.outbox = outbox;
		this.builders.setThreadNamePrefix("welcome-set-");
		this.builders.setCorePoolSize(BUILDERS);
		this.builders.setMaxPoolSize(BUILDERS);
		this.builders.setQueueCapacity(WAITING);
		this.builders.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
		this.builders.setWaitForTasksToCompleteOnShutdown(true);
		this.builders.setAwaitTerminationSeconds(10);
		this.builders.initialize();
	}

	@EventListener
	void onConfirmed(AlertConfirmed confirmed) {
		this.builders.execute(() -> send(confirmed.alertId()));
	}

	@Scheduled(fixedDelayString = "${nhsjob.matcher.outbox-relay-interval:5s}")
	void sendDue() {
		for (String alertId : this.outbox.due()) {
			if (!send(alertId)) {
				return;
			}
		}
	}

	/**
	 * Lets the welcome sets being built finish, for a while, before the beans they use
	 * go.
	 */
	@PreDestroy
	void stop() {
		this.builders.destroy();
	}

	/** Whether it went well: after a failure the rest wait for the next run. */
	private boolean send(String alertId) {
		try {
			this.matchmaker.sendWelcomeSet(alertId);
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Welcome set of alert {} not sent yet: {}", alertId, ex.toString());
			return false;
		}
	}

}

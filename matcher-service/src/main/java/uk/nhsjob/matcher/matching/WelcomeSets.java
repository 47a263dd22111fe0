package uk.nhsjob.matcher.matching;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.matcher.alert.AlertConfirmed;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;

/**
 * Sends a welcome set as soon as its alert is confirmed, and again every so often any
 * that could not be sent then (broker away, open vacancies still being rebuilt).
 */
@Component
class WelcomeSets {

	private static final Logger log = LoggerFactory.getLogger(WelcomeSets.class);

	private final Matchmaker matchmaker;

	private final WelcomeSetOutbox outbox;

	WelcomeSets(Matchmaker matchmaker, WelcomeSetOutbox outbox) {
		this.matchmaker = matchmaker;
		this.outbox = outbox;
	}

	@EventListener
	void onConfirmed(AlertConfirmed confirmed) {
		send(confirmed.alertId());
	}

	@Scheduled(fixedDelayString = "${nhsjob.matcher.outbox-relay-interval:5s}")
	void sendDue() {
		for (String alertId : this.outbox.due()) {
			if (!send(alertId)) {
				return;
			}
		}
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

package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.matcher.MatcherSettings;

/**
 * Expires the pending alerts whose confirmation link has run out (7 days by default after
 * the first request; asking again does not move it): the same time, so an alert never
 * expires while its link still works. A pending alert takes no place among its address's
 * confirmed ones, so none is given back.
 */
@Component
class UnconfirmedAlerts {

	private static final Logger log = LoggerFactory.getLogger(UnconfirmedAlerts.class);

	private final Alerts alerts;

	private final ProfilePublisher publisher;

	private final Clock clock;

	private final Duration validity;

	UnconfirmedAlerts(Alerts alerts, ProfilePublisher publisher, Clock clock, MatcherSettings settings) {
		this.alerts = alerts;
		this.publisher = publisher;
		this.clock = clock;
		this.validity = settings.confirmationValidity();
	}

	@Scheduled(fixedDelayString = "${nhsjob.matcher.expiry-sweep-interval:1m}")
	void expire() {
		Instant now = this.clock.instant();
		Instant cutoff = now.minus(this.validity);
		for (Alert alert : this.alerts
			.findByStatusAndConfirmationRequestedAtLessThanEqual(AlertStatus.PENDING_CONFIRMATION, cutoff)) {
			if (alert.expireIfUnconfirmedSince(cutoff, now)) {
				try {
					this.alerts.save(alert);
				}
				catch (OptimisticLockingFailureException ex) {
					// asked for again or confirmed meanwhile: the next sweep looks again
					continue;
				}
				this.publisher.publish(alert.id());
				log.info("Alert {} expired unconfirmed", alert.id());
			}
		}
	}

}

package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.MatcherSettings;

/**
 * What candidates do with their alerts. Every change is saved with its outbox flag set
 * and then published on the profile stream.
 */
@Service
class AlertManagement {

	private final Alerts alerts;

	private final ProfilePublisher publisher;

	private final AlertLinks links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int maxAlertsPerAddress;

	AlertManagement(Alerts alerts, ProfilePublisher publisher, AlertLinks links, ApplicationEventPublisher events,
			Clock clock, MatcherSettings settings) {
		this.alerts = alerts;
		this.publisher = publisher;
		this.links = links;
		this.events = events;
		this.clock = clock;
		this.maxAlertsPerAddress = settings.maxAlertsPerAddress();
	}

	/**
	 * Creates a pending alert, or asks again for the confirmation of an identical pending
	 * one.
	 * @throws TooManyAlerts when the address has its fill of live alerts
	 */
	Alert create(NewAlert request) {
		String email = request.email().strip().toLowerCase(Locale.ROOT);
		Criteria criteria = ((request.criteria() != null) ? request.criteria() : Criteria.ANY).normalised();
		Frequency frequency = request.frequency();
		Instant now = this.clock.instant();
		Optional<Alert> same = this.alerts.findByEmailAndStatus(email, AlertStatus.PENDING_CONFIRMATION)
			.stream()
			.filter((pending) -> pending.asksFor(criteria, frequency))
			.findFirst();
		if (same.isPresent()) {
			same.get().requestConfirmationAgain(now);
			return saveAndPublish(same.get());
		}
		if (this.alerts.countByEmailAndStatusIn(email, Alerts.LIVE) >= this.maxAlertsPerAddress) {
			throw new TooManyAlerts(this.maxAlertsPerAddress);
		}
		return saveAndPublish(Alert.pending(email, criteria, frequency, now));
	}

	/** The alert a confirmation link is for. */
	Alert toConfirm(@Nullable String token) {
		return resolve(token, LinkPurpose.CONFIRM);
	}

	/**
	 * Activates the alert of a confirmation link; confirming twice changes nothing.
	 * @return the alert as it is now
	 */
	Alert confirm(@Nullable String token) {
		Alert alert = resolve(token, LinkPurpose.CONFIRM);
		try {
			if (alert.confirm(this.clock.instant())) {
				Alert saved = this.alerts.save(alert);
				if (this.publisher.publish(saved.id())) {
					this.events.publishEvent(new AlertConfirmed(saved.id()));
				}
				return saved;
			}
			return alert;
		}
		catch (OptimisticLockingFailureException ex) {
			// confirmed twice at once: the other request won
			return resolve(token, LinkPurpose.CONFIRM);
		}
	}

	/** The alert of a manage token, which must be the alert asked for. */
	Alert managed(String alertId, @Nullable String token) {
		Alert alert = resolve(token, LinkPurpose.MANAGE);
		if (!alert.id().equals(alertId)) {
			throw new AlertNotFound();
		}
		return alert;
	}

	private Alert saveAndPublish(Alert alert) {
		Alert saved = this.alerts.save(alert);
		this.publisher.publish(saved.id());
		return saved;
	}

	private Alert resolve(@Nullable String token, LinkPurpose purpose) {
		if (token == null) {
			throw new AlertNotFound();
		}
		return this.links.read(token, purpose)
			.flatMap((claims) -> this.alerts.findById(claims.alertId())
				.filter((alert) -> alert.tokenVersion() == claims.version()))
			.orElseThrow(AlertNotFound::new);
	}

}

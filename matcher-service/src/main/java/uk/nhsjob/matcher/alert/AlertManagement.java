package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.MatcherSettings;
import uk.nhsjob.matcher.alert.link.LinkPurpose;
import uk.nhsjob.matcher.limit.ClientLimits;
import uk.nhsjob.matcher.limit.LimitReached;

/**
 * What candidates do with their alerts. Every change is saved with its outbox flag set
 * and then published on the profile stream.
 */
@Service
public class AlertManagement {

	private final Alerts alerts;

	private final Addresses addresses;

	private final ProfilePublisher publisher;

	private final AlertLinks links;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int maxAlertsPerAddress;

	private final int confirmationEmailsPerHour;

	private final ClientLimits limits;

	AlertManagement(Alerts alerts, Addresses addresses, ProfilePublisher publisher, AlertLinks links,
			ApplicationEventPublisher events, Clock clock, MatcherSettings settings, ClientLimits limits) {
		this.alerts = alerts;
		this.addresses = addresses;
		this.publisher = publisher;
		this.links = links;
		this.events = events;
		this.clock = clock;
		this.maxAlertsPerAddress = settings.maxAlertsPerAddress();
		this.confirmationEmailsPerHour = settings.confirmationEmailsPerHour();
		this.limits = limits;
	}

	/**
	 * Creates a pending alert, or asks again for the confirmation of an identical pending
	 * one. Over the address's confirmation rate limit the answer is the same, but no
	 * email is asked for.
	 * @throws TooManyAlerts when the address has its fill of live alerts
	 * @throws LimitReached when the service has asked for all the confirmation emails it
	 * may this hour; nothing is stored then
	 */
	public Alert create(NewAlert request) {
		String email = request.email().strip().toLowerCase(Locale.ROOT);
		Criteria criteria = ((request.criteria() != null) ? request.criteria() : Criteria.ANY).normalised();
		Frequency frequency = request.frequency();
		Instant now = this.clock.instant();
		Optional<Alert> same = this.alerts.findByEmailAndStatus(email, AlertStatus.PENDING_CONFIRMATION)
			.stream()
			.filter((pending) -> !pending.erasing() && pending.asksFor(criteria, frequency))
			.findFirst();
		if (same.isPresent()) {
			if (!this.addresses.allowConfirmationEmail(email, this.confirmationEmailsPerHour, now)) {
				return same.get();
			}
			this.limits.takeConfirmationEmail();
			same.get().requestConfirmationAgain(now);
			return saveAndPublish(same.get());
		}
		this.addresses.reserveAlert(email, this.maxAlertsPerAddress);
		try {
			boolean emailAllowed = this.addresses.allowConfirmationEmail(email, this.confirmationEmailsPerHour, now);
			if (emailAllowed) {
				this.limits.takeConfirmationEmail();
			}
			return saveAndPublish(Alert.pending(email, criteria, frequency, now, emailAllowed));
		}
		catch (RuntimeException ex) {
			this.addresses.releaseAlert(email);
			throw ex;
		}
	}

	/** The alert a confirmation link is for. */
	public Alert toConfirm(@Nullable String token) {
		return resolve(token, LinkPurpose.CONFIRM);
	}

	/**
	 * Activates the alert of a confirmation link; confirming twice changes nothing.
	 * @return the alert as it is now
	 */
	public Alert confirm(@Nullable String token) {
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
	public Alert managed(String alertId, @Nullable String token) {
		Alert alert = managed(token);
		if (!alert.id().equals(alertId)) {
			throw new AlertNotFound();
		}
		return alert;
	}

	/** The alert of a manage token. */
	public Alert managed(@Nullable String token) {
		return resolve(token, LinkPurpose.MANAGE);
	}

	/** Replaces an alert's criteria and frequency, and pauses or resumes it. */
	public Alert edit(Alert alert, Criteria criteria, Frequency frequency, boolean paused) {
		return alert.edit(criteria.normalised(), frequency, paused) ? saveAndPublish(alert) : alert;
	}

	/** The alert an unsubscribe link is for. */
	public Alert toUnsubscribe(@Nullable String token) {
		return resolve(token, LinkPurpose.UNSUBSCRIBE);
	}

	/** Stops the alert of an unsubscribe link at once; a second time changes nothing. */
	public Alert unsubscribe(@Nullable String token) {
		Alert alert = toUnsubscribe(token);
		if (!alert.unsubscribe(this.clock.instant())) {
			return alert;
		}
		try {
			Alert saved = saveAndPublish(alert);
			this.addresses.releaseAlert(saved.email());
			return saved;
		}
		catch (OptimisticLockingFailureException ex) {
			// changed meanwhile, perhaps unsubscribed twice at once: try again
			return unsubscribe(token);
		}
	}

	/** The alert of a confirmation email's "this wasn't me" link. */
	public Alert disowned(@Nullable String token) {
		return resolve(token, LinkPurpose.NOT_ME);
	}

	/** Erases one alert: it is not found from now on, and its tombstone follows. */
	public void delete(Alert alert) {
		erase(List.of(alert));
	}

	/** Erases every alert of the address of this one. */
	public void eraseAddress(Alert any) {
		erase(this.alerts.findByEmail(any.email()));
	}

	/**
	 * Marks each alert first, so none opens any more whatever happens next; then
	 * publishes each tombstone and deletes, or leaves that to the outbox relay.
	 */
	private void erase(List<Alert> toErase) {
		for (Alert alert : toErase) {
			if (!alert.erasing()) {
				boolean wasLive = alert.markErasing();
				this.alerts.save(alert);
				if (wasLive) {
					this.addresses.releaseAlert(alert.email());
				}
			}
		}
		toErase.forEach((alert) -> this.publisher.publish(alert.id()));
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
				.filter((alert) -> !alert.erasing() && alert.tokenVersion() == claims.version()))
			.orElseThrow(AlertNotFound::new);
	}

}

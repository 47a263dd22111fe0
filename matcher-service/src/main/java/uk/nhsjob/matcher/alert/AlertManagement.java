package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

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

	private final AddressRequests requests;

	AlertManagement(Alerts alerts, Addresses addresses, ProfilePublisher publisher, AlertLinks links,
			ApplicationEventPublisher events, Clock clock, MatcherSettings settings, ClientLimits limits,
			AddressRequests requests) {
		this.requests = requests;
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
	 * Asks for a new pending alert, or again for the confirmation of an identical pending
	 * one, and answers the alert's id. Only the request is recorded here, with whether
	 * the address's and the service's limits allow an email; whether the alert is stored
	 * or the address is told it has its fill is decided after the answer
	 * ({@link AlertAdmission}), so the answer is the same for every address
	 * (docs/alerts.md, "How many alerts").
	 * @throws LimitReached when the service has asked for all the confirmation emails it
	 * may this hour; nothing is recorded then
	 */
	public String create(NewAlert request) {
		String email = normalised(request.email());
		Criteria criteria = ((request.criteria() != null) ? request.criteria() : Criteria.ANY).normalised();
		Frequency frequency = request.frequency();
		Instant now = this.clock.instant();
		// an identical request not decided yet first, then an identical pending alert: a
		// request decided between the two reads has stored its alert by the second
		Optional<String> same = this.requests.undecidedAlert(email, criteria, frequency)
			.or(() -> this.alerts.findByEmailAndStatus(email, AlertStatus.PENDING_CONFIRMATION)
				.stream()
				.filter((pending) -> !pending.erasing() && pending.asksFor(criteria, frequency))
				.map(Alert::id)
				.findFirst());
		String alertId = same.orElseGet(() -> UUID.randomUUID().toString());
		boolean emailAllowed = allowEmail(email, now);
		this.requests.record(new AddressRequest(UUID.randomUUID().toString(), AddressRequest.Kind.NEW_ALERT, email,
				alertId, criteria, frequency, same.isPresent(), emailAllowed, now, null));
		return alertId;
	}

	/**
	 * Asks for the link to every alert of the address, emailed only when it has alerts
	 * and within its limit; decided after the answer, as {@link #create} is.
	 * @throws LimitReached when the service has asked for all the emails it may this hour
	 */
	public void requestAddressLink(String address) {
		String email = normalised(address);
		Instant now = this.clock.instant();
		boolean emailAllowed = allowEmail(email, now);
		this.requests.record(new AddressRequest(UUID.randomUUID().toString(), AddressRequest.Kind.MANAGE_LINK, email,
				null, null, null, false, emailAllowed, now, null));
	}

	/**
	 * Counts an email to the address within its hourly limit (shared by confirmations,
	 * manage links and "you have ten"), and then within the service's.
	 */
	private boolean allowEmail(String email, Instant now) {
		boolean allowed = this.addresses.allowConfirmationEmail(email, this.confirmationEmailsPerHour, now);
		if (allowed) {
			this.limits.takeConfirmationEmail();
		}
		return allowed;
	}

	/** The address of a "my alerts" link and its alerts, newest first. */
	public AddressAlerts addressAlerts(@Nullable String token) {
		String email = addressOf(token);
		List<Alert> held = this.alerts.findByEmail(email)
			.stream()
			.filter((alert) -> !alert.erasing())
			.sorted(Comparator.comparing(Alert::createdAt).reversed())
			.toList();
		if (held.isEmpty()) {
			throw new AlertNotFound();
		}
		return new AddressAlerts(email, held);
	}

	/** The manage link of an alert, for the "my alerts" page. */
	public String manageUrl(Alert alert) {
		return this.links.manageUrl(alert);
	}

	/** Erases every alert of the address of a "my alerts" link. */
	public void eraseAddressOfLink(@Nullable String addressToken) {
		erase(this.alerts.findByEmail(addressOf(addressToken)));
	}

	private String addressOf(@Nullable String token) {
		if (token == null) {
			throw new AlertNotFound();
		}
		return this.links.handleOf(token).flatMap(this.addresses::addressOf).orElseThrow(AlertNotFound::new);
	}

	private static String normalised(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
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
		if (alert.status() != AlertStatus.PENDING_CONFIRMATION) {
			return alert;
		}
		// a place first, by a conditional update, so concurrent confirmations on any
		// instance never pass the limit (docs/alerts.md, "How many alerts")
		this.addresses.reserveConfirmed(alert.email(), this.maxAlertsPerAddress);
		try {
			if (alert.confirm(this.clock.instant())) {
				Alert saved = this.alerts.save(alert);
				if (this.publisher.publish(saved.id())) {
					this.events.publishEvent(new AlertConfirmed(saved.id()));
				}
				return saved;
			}
			this.addresses.releaseConfirmed(alert.email());
			return alert;
		}
		catch (OptimisticLockingFailureException ex) {
			// confirmed twice at once: the other request won
			this.addresses.releaseConfirmed(alert.email());
			return resolve(token, LinkPurpose.CONFIRM);
		}
		catch (RuntimeException ex) {
			this.addresses.releaseConfirmed(alert.email());
			throw ex;
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

	/**
	 * Replaces an alert's criteria and frequency, and pauses or resumes it, keeping its
	 * closing-soon setting.
	 */
	public Alert edit(Alert alert, Criteria criteria, Frequency frequency, boolean paused) {
		return edit(alert, criteria, frequency, paused, alert.closingSoon());
	}

	/**
	 * Replaces an alert's criteria, frequency and closing-soon setting, and pauses or
	 * resumes it.
	 */
	public Alert edit(Alert alert, Criteria criteria, Frequency frequency, boolean paused, boolean closingSoon) {
		return alert.edit(criteria.normalised(), frequency, paused, closingSoon) ? saveAndPublish(alert) : alert;
	}

	/** The alert an unsubscribe link is for. */
	public Alert toUnsubscribe(@Nullable String token) {
		return resolve(token, LinkPurpose.UNSUBSCRIBE);
	}

	/** Stops the alert of an unsubscribe link at once; a second time changes nothing. */
	public Alert unsubscribe(@Nullable String token) {
		Alert alert = toUnsubscribe(token);
		boolean counted = alert.isConfirmed();
		if (!alert.unsubscribe(this.clock.instant())) {
			return alert;
		}
		try {
			Alert saved = saveAndPublish(alert);
			if (counted) {
				this.addresses.releaseConfirmed(saved.email());
			}
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
				boolean counted = alert.isConfirmed();
				alert.markErasing();
				this.alerts.save(alert);
				if (counted) {
					this.addresses.releaseConfirmed(alert.email());
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

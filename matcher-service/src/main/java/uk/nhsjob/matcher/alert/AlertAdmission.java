package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.matcher.MatcherSettings;

/**
 * Decides a request about an address once it has been answered (docs/alerts.md, "How many
 * alerts"): a new alert is stored unless its address has its fill of confirmed alerts,
 * when the address is emailed instead; a new pending alert makes the oldest pending ones
 * of its address give way beyond the tenth; a manage link is emailed only to an address
 * that has alerts. Deciding one request twice does what once does.
 */
@Component
class AlertAdmission {

	private final Alerts alerts;

	private final Addresses addresses;

	private final ProfilePublisher publisher;

	private final AddressNotices notices;

	private final AlertLinks links;

	private final Clock clock;

	private final int maxAlertsPerAddress;

	AlertAdmission(Alerts alerts, Addresses addresses, ProfilePublisher publisher, AddressNotices notices,
			AlertLinks links, Clock clock, MatcherSettings settings) {
		this.clock = clock;
		this.alerts = alerts;
		this.addresses = addresses;
		this.publisher = publisher;
		this.notices = notices;
		this.links = links;
		this.maxAlertsPerAddress = settings.maxAlertsPerAddress();
	}

	void decide(AddressRequest request) {
		switch (request.kind()) {
			case NEW_ALERT -> admit(request);
			case MANAGE_LINK -> sendManageLink(request);
		}
	}

	private void admit(AddressRequest request) {
		String alertId = String.valueOf(request.alertId());
		Optional<Alert> named = this.alerts.findById(alertId);
		if (named.isPresent()) {
			// asked again for an identical pending alert, or decided before a crash
			if (request.resend()) {
				askAgain(named.get(), request);
			}
			return;
		}
		// a new alert, or one asked again whose first request stored nothing (its address
		// was full then): decided as new, under the id the answer named
		Criteria criteria = (request.criteria() != null) ? request.criteria() : Criteria.ANY.normalised();
		Optional<Alert> same = this.alerts.findByEmailAndStatus(request.email(), AlertStatus.PENDING_CONFIRMATION)
			.stream()
			.filter((pending) -> !pending.erasing() && pending.asksFor(criteria, request.frequency()))
			.findFirst();
		if (same.isPresent()) {
			// an identical one was stored while this request was answered
			askAgain(same.get(), request);
			return;
		}
		if (this.addresses.isFull(request.email(), this.maxAlertsPerAddress)) {
			if (request.emailAllowed()) {
				this.notices.ask(UUID.fromString(request.id()), request.email(), NoticeKind.ALERT_LIMIT_REACHED,
						this.links.addressUrl(this.addresses.handleOf(request.email())));
			}
			return;
		}
		try {
			this.alerts.save(Alert.pending(alertId, request.email(), criteria, request.frequency(),
					request.requestedAt(), request.emailAllowed()));
		}
		catch (DuplicateKeyException ex) {
			// decided at the same time elsewhere
			return;
		}
		makeRoom(request.email(), alertId);
		this.publisher.publish(alertId);
	}

	private void askAgain(Alert alert, AddressRequest request) {
		if (!request.emailAllowed() || alert.status() != AlertStatus.PENDING_CONFIRMATION || alert.erasing()) {
			return;
		}
		alert.requestConfirmationAgain();
		try {
			this.publisher.publish(this.alerts.save(alert).id());
		}
		catch (OptimisticLockingFailureException ex) {
			// confirmed, expired or asked for again meanwhile: decided again from the
			// start
			admit(request);
		}
	}

	/**
	 * At most {@code maxAlertsPerAddress} pending alerts per address: the oldest others
	 * give way to the new one. Run after each new one is stored, so that whichever
	 * instance stores one, every address ends with its newest pending alerts.
	 */
	private void makeRoom(String email, String newAlertId) {
		List<Alert> others = this.alerts.findByEmailAndStatus(email, AlertStatus.PENDING_CONFIRMATION)
			.stream()
			.filter((pending) -> !pending.erasing() && !pending.id().equals(newAlertId))
			.sorted(Comparator.comparing(Alert::createdAt).reversed())
			.toList();
		for (Alert oldest : others.subList(Math.min(others.size(), this.maxAlertsPerAddress - 1), others.size())) {
			if (oldest.giveWay(this.clock.instant())) {
				try {
					this.publisher.publish(this.alerts.save(oldest).id());
				}
				catch (OptimisticLockingFailureException ex) {
					// confirmed or ended meanwhile: it no longer takes a pending place
				}
			}
		}
	}

	private void sendManageLink(AddressRequest request) {
		boolean hasAlerts = this.alerts.findByEmail(request.email()).stream().anyMatch((alert) -> !alert.erasing());
		if (!hasAlerts) {
			this.addresses.forgetIfUnused(request.email());
			return;
		}
		if (request.emailAllowed()) {
			this.notices.ask(UUID.fromString(request.id()), request.email(), NoticeKind.MANAGE_LINK,
					this.links.addressUrl(this.addresses.handleOf(request.email())));
		}
	}

}

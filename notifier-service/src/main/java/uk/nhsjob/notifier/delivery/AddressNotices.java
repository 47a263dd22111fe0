package uk.nhsjob.notifier.delivery;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.notice.AddressNotice;
import uk.nhsjob.common.notice.NoticeKind;

/**
 * Takes the notices topic ({@link NoticeListener}) into the delivery ledger: a notice
 * becomes one pending entry under its event id, so a notice delivered twice is one email,
 * sent by the {@link EmailSender} with the guarantees of every email. A record is checked
 * as input from outside first ({@link NoticeCheck}): one that can never be sent is
 * dead-lettered.
 */
@Component
class AddressNotices {

	private static final Logger log = LoggerFactory.getLogger(AddressNotices.class);

	private final DeliveryLedger ledger;

	private final NoticeSettings settings;

	private final DeliveryFaults faults;

	AddressNotices(DeliveryLedger ledger, NoticeSettings settings, ObjectProvider<DeliveryFaults> faults) {
		this.ledger = ledger;
		this.settings = settings;
		this.faults = faults.getIfAvailable(() -> DeliveryFaults.NONE);
	}

	/**
	 * Records the notice, due at once.
	 * @throws IllegalArgumentException saying why (without the address) when it can never
	 * be sent
	 */
	void record(@Nullable AddressNotice notice) {
		NoticeCheck.check(notice);
		String recorded = this.ledger.recordNotice(notice.eventId(),
				new OneOffEmail(kindOf(notice.kind()), notice.email(), notice.url(), null, null),
				this.settings.retention());
		log.info("Recorded notice {} ({})", notice.eventId(), notice.kind());
		this.faults.afterRecorded(recorded);
	}

	private static OneOffEmail.Kind kindOf(NoticeKind kind) {
		return switch (kind) {
			case MANAGE_LINK -> OneOffEmail.Kind.MANAGE_LINK;
			case ALERT_LIMIT_REACHED -> OneOffEmail.Kind.ALERT_LIMIT_REACHED;
		};
	}

}

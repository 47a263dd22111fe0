package uk.nhsjob.notifier.delivery;

import java.util.UUID;

import uk.nhsjob.common.notice.AddressNotice;
import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.notifier.TestEvents;

/** Notices as the matcher publishes them, each to an address of its own. */
final class Notices {

	private Notices() {
	}

	static AddressNotice manageLink() {
		return of(NoticeKind.MANAGE_LINK);
	}

	static AddressNotice of(NoticeKind kind) {
		String id = UUID.randomUUID().toString();
		return new AddressNotice(UUID.randomUUID(), AddressNotice.SCHEMA_VERSION, TestEvents.now(),
				"candidate-" + id + "@example.org", kind, "https://alerts.nhsjob.test/alerts/mine?token=mine-" + id);
	}

	/** The record's key: the matcher's keyed hash of the address, any string here. */
	static String keyOf(AddressNotice notice) {
		return "hash-of-" + notice.eventId();
	}

}

package uk.nhsjob.notifier.delivery;

/**
 * Points where a test interrupts the delivery as a crash would (by throwing): none in
 * production.
 */
interface DeliveryFaults {

	DeliveryFaults NONE = new DeliveryFaults() {
	};

	/** A match is in the ledger; its Kafka offset is not committed yet. */
	default void afterRecorded(String deliveryId) {
	}

	/** The email is built and its entries are SENDING; SMTP has not seen it. */
	default void beforeData(String emailKey) {
	}

	/** The SMTP server accepted the email (250); the ledger does not say SENT yet. */
	default void afterAccepted(String emailKey) {
	}

}

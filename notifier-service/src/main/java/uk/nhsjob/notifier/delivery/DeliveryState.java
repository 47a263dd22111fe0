package uk.nhsjob.notifier.delivery;

/**
 * Where a ledger entry stands. {@code SENDING} left behind by a crash is sent again,
 * under the same Message-ID.
 */
enum DeliveryState {

	PENDING, SENDING, SENT, SKIPPED;

	/** Nothing more will be sent for it. */
	boolean isSettled() {
		return this == SENT || this == SKIPPED;
	}

}

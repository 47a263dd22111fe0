package uk.nhsjob.notifier.delivery;

/**
 * Where a ledger entry stands: PENDING until its email is due, SENDING while the email is
 * handed to SMTP, then SENT. FAILED waits for its next attempt (an SMTP 4xx or timeout);
 * SUPPRESSED means the address was refused for good (an SMTP 5xx); SKIPPED means it was
 * left out (alert not active, vacancy closed, a confirmation request whose alert is no
 * longer pending). {@code SENDING} left behind by a crash is sent again, under the same
 * Message-ID.
 */
enum DeliveryState {

	PENDING, SENDING, SENT, FAILED, SUPPRESSED, SKIPPED;

	/** Nothing more will be sent for it. */
	boolean isSettled() {
		return this == SENT || this == SKIPPED || this == SUPPRESSED;
	}

}

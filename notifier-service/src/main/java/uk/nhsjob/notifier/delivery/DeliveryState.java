package uk.nhsjob.notifier.delivery;

/**
 * Where a ledger entry stands: PARKED while the notifier has not read the profile its
 * match was made against (not due, never sent; {@link ParkedMatches} releases it),
 * PENDING until its email is due, SENDING while the email is handed to SMTP, then SENT.
 * FAILED waits for its next attempt (an SMTP 4xx or timeout); SUPPRESSED means the
 * address was refused for good (a permanent refusal of the recipient at RCPT TO);
 * UNDELIVERED means the server refused it otherwise with a 5xx until the give-up time;
 * SKIPPED means it was left out (alert not active, vacancy closed, a confirmation request
 * whose alert is no longer pending). {@code SENDING} left behind by a crash is sent
 * again, under the same Message-ID.
 */
enum DeliveryState {

	PARKED, PENDING, SENDING, SENT, FAILED, SUPPRESSED, UNDELIVERED, SKIPPED;

	/** Nothing more will be sent for it. */
	boolean isSettled() {
		return this == SENT || this == SKIPPED || this == SUPPRESSED || this == UNDELIVERED;
	}

}

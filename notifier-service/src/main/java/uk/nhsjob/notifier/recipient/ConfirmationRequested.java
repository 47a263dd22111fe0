package uk.nhsjob.notifier.recipient;

import org.jspecify.annotations.Nullable;

/**
 * A pending alert's profile asks for a confirmation email the notifier has not recorded
 * yet: the delivery ledger takes it, and sends it as it sends every email
 * (docs/emails.md). Published in the listener's thread, so the profile record's offset is
 * committed only once the ledger holds it.
 *
 * @param request the profile's {@code confirmationRequest}: one email per number
 * @param confirmUrl that request's confirm link
 */
public record ConfirmationRequested(String alertId, int request, String address, String criteriaDescription,
		String confirmUrl, @Nullable String notMeUrl) {

}

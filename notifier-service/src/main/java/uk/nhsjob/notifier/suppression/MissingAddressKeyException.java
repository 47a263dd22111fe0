package uk.nhsjob.notifier.suppression;

/** The notifier was started without {@code nhsjob.notifier.address-key}. */
class MissingAddressKeyException extends IllegalStateException {

	MissingAddressKeyException() {
		super("nhsjob.notifier.address-key (NHSJOB_NOTIFIER_ADDRESS_KEY) is not set");
	}

}

package uk.nhsjob.matcher.alert.link;

/** The matcher was started without {@code nhsjob.matcher.token-secret}. */
class MissingTokenSecretException extends IllegalStateException {

	MissingTokenSecretException() {
		super("nhsjob.matcher.token-secret (NHSJOB_MATCHER_TOKEN_SECRET) is not set");
	}

}

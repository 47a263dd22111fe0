package uk.nhsjob.platform.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The token of an {@code Authorization: Bearer <token>} header (RFC 6750), read the same
 * way by every service: the scheme in any case, the token without surrounding spaces; an
 * empty token, or one far longer than any token the services issue, is no token.
 */
public final class BearerToken {

	private static final String SCHEME = "Bearer ";

	/**
	 * Far longer than any token or key the services issue; longer ones are not worth
	 * checking.
	 */
	static final int MAX_LENGTH = 512;

	private BearerToken() {
	}

	/** The token of the header's value, or empty when there is none to check. */
	public static Optional<String> of(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return Optional.empty();
		}
		String token = authorization.substring(SCHEME.length()).strip();
		return (token.isEmpty() || token.length() > MAX_LENGTH) ? Optional.empty() : Optional.of(token);
	}

}

package uk.nhsjob.matcher.alert;

import org.jspecify.annotations.Nullable;

/** The token of an {@code Authorization: Bearer} header. */
final class BearerToken {

	private static final String BEARER = "bearer ";

	private BearerToken() {
	}

	static @Nullable String of(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return authorization.substring(BEARER.length()).strip();
	}

}

package uk.nhsjob.ingest.source;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/** The credentials of {@code Authorization: Bearer <token>}. */
final class BearerToken {

	private static final String SCHEME = "Bearer ";

	/** Far longer than any token we issue; longer ones are not worth hashing. */
	private static final int MAX_LENGTH = 512;

	private BearerToken() {
	}

	static Optional<String> of(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return Optional.empty();
		}
		String token = header.substring(SCHEME.length()).trim();
		return (token.isEmpty() || token.length() > MAX_LENGTH) ? Optional.empty() : Optional.of(token);
	}

}

package uk.nhsjob.matcher.alert.link;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says at start-up, in Spring Boot's failure report, which setting is missing and why it
 * has no default. Registered in {@code META-INF/spring.factories}.
 */
class MissingTokenSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingTokenSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingTokenSecretException cause) {
		return new FailureAnalysis(
				"The matcher has no key to sign and check the confirm, manage and unsubscribe links: "
						+ "nhsjob.matcher.token-secret (environment variable NHSJOB_MATCHER_TOKEN_SECRET) is not set. "
						+ "Every instance must sign with the same key, and links already sent must keep working "
						+ "after a restart, so none is made up.",
				"Set NHSJOB_MATCHER_TOKEN_SECRET to a secret of 32 characters or more (e.g. the output of "
						+ "'openssl rand -hex 32'), the same for every instance. When replacing it, set the old one "
						+ "as NHSJOB_MATCHER_PREVIOUS_TOKEN_SECRET, so that links already sent keep working.",
				cause);
	}

}

package uk.nhsjob.notifier.suppression;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says at start-up, in Spring Boot's failure report, which setting is missing and why it
 * has no default. Registered in {@code META-INF/spring.factories}.
 */
class MissingAddressKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingAddressKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingAddressKeyException cause) {
		return new FailureAnalysis(
				"The notifier has no key for the hash it keeps suppressed addresses under: "
						+ "nhsjob.notifier.address-key (environment variable NHSJOB_NOTIFIER_ADDRESS_KEY) is not set. "
						+ "Every instance must hash with the same key, and suppressions must still be found after a "
						+ "restart, so none is made up.",
				"Set NHSJOB_NOTIFIER_ADDRESS_KEY to a secret of 32 characters or more (e.g. the output of "
						+ "'openssl rand -hex 32'), the same for every instance, and keep it: suppressions kept under "
						+ "another key are not found.",
				cause);
	}

}

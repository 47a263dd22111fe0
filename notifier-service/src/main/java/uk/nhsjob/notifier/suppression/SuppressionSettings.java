package uk.nhsjob.notifier.suppression;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The secrets of the suppressions ({@code nhsjob.notifier.*}).
 *
 * @param addressKey the key of the keyed hash a suppression is kept under
 * ({@code NHSJOB_NOTIFIER_ADDRESS_KEY}), 32 characters or more, the same for every
 * instance; no default: the notifier does not start without it
 * ({@link MissingAddressKeyFailureAnalyzer})
 * @param adminToken the operator's token for the admin calls
 * ({@code NHSJOB_NOTIFIER_ADMIN_TOKEN}); unset, one is made for the run and printed to
 * the console ({@link AdminToken})
 */
@ConfigurationProperties("nhsjob.notifier")
@Validated
public record SuppressionSettings(
		@Nullable @Pattern(regexp = "\\s*|.{32,}", message = "must be at least 32 characters") String addressKey,
		@Nullable String adminToken) {

}

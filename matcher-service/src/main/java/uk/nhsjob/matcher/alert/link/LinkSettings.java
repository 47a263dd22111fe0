package uk.nhsjob.matcher.alert.link;

import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys of the links' tokens (docs/alerts.md, "Links"). Every instance must share
 * them, so there is no default: the matcher does not start without
 * {@code nhsjob.matcher.token-secret} ({@link MissingTokenSecretFailureAnalyzer}).
 *
 * @param tokenSecret the key new tokens are signed with
 * ({@code NHSJOB_MATCHER_TOKEN_SECRET}), 32 characters or more
 * @param previousTokenSecret the key before it, while rotating
 * ({@code NHSJOB_MATCHER_PREVIOUS_TOKEN_SECRET}): tokens signed with it still work
 */
@ConfigurationProperties("nhsjob.matcher")
@Validated
public record LinkSettings(
		@Nullable @Pattern(regexp = "\\s*|.{32,}", message = "must be at least 32 characters") String tokenSecret,
		@Nullable @Pattern(regexp = "\\s*|.{32,}",
				message = "must be at least 32 characters") String previousTokenSecret) {

}

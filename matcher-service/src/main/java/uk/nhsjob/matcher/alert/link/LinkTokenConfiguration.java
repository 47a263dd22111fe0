package uk.nhsjob.matcher.alert.link;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The links' signing keys from {@link LinkSettings}; without a current one the matcher
 * does not start.
 */
@Configuration(proxyBeanMethods = false)
class LinkTokenConfiguration {

	@Bean
	LinkTokens linkTokens(LinkSettings settings, Clock clock) {
		if (isBlank(settings.tokenSecret())) {
			throw new MissingTokenSecretException();
		}
		return new LinkTokens(bytes(settings.tokenSecret()),
				isBlank(settings.previousTokenSecret()) ? null : bytes(settings.previousTokenSecret()), clock);
	}

	private static boolean isBlank(@Nullable String secret) {
		return secret == null || secret.isBlank();
	}

	private static byte[] bytes(@Nullable String secret) {
		return String.valueOf(secret).getBytes(StandardCharsets.UTF_8);
	}

}

package uk.nhsjob.matcher.alert.link;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.nhsjob.matcher.MatcherSettings;

@Configuration(proxyBeanMethods = false)
class LinkTokenConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LinkTokenConfiguration.class);

	@Bean
	LinkTokens linkTokens(MatcherSettings settings, Clock clock) {
		String secret = settings.tokenSecret();
		if (secret == null || secret.isBlank()) {
			log.warn("nhsjob.matcher.token-secret (NHSJOB_MATCHER_TOKEN_SECRET) is not set: using a random key, "
					+ "so the confirm, manage and unsubscribe links sent so far stop working when this service restarts");
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return new LinkTokens(random, clock);
		}
		return new LinkTokens(secret.getBytes(StandardCharsets.UTF_8), clock);
	}

}

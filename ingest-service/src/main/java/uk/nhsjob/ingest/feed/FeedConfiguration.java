package uk.nhsjob.ingest.feed;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feed API's web set-up. An external id may hold a slash ({@code HR/2026/14}), which
 * a client percent-encodes in {@code DELETE …/vacancies/HR%2F2026%2F14}. Tomcat refuses
 * an encoded slash by default; passed through, it is decoded within its path segment, so
 * it reaches the controller as part of the one id.
 */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

	@Bean
	TomcatConnectorCustomizer encodedSlashesInExternalIds() {
		return (connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
	}

}

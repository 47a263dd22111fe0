package uk.nhsjob.matcher;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import uk.nhsjob.testsupport.RealInfrastructure;

/**
 * The whole service on a random port against real Kafka and MongoDB. Every integration
 * test uses exactly this, so they share one application context: a second context would
 * join the same consumer group and take half the partitions.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=matcher-service", "nhsjob.matcher.outbox-relay-interval=1s",
				"nhsjob.matcher.expiry-sweep-interval=1s", "nhsjob.matcher.retention.sweep-interval=1s",
				"nhsjob.matcher.matching-threads=2", "nhsjob.matcher.token-secret=" + LinkSecrets.CURRENT,
				"nhsjob.matcher.previous-token-secret=" + LinkSecrets.PREVIOUS,
				// every test request comes from loopback: ClientLimitsIntegrationTests
				// tests the limits on instances of their own
				"nhsjob.matcher.limits.alerts-per-client-per-hour=1000000",
				"nhsjob.matcher.limits.confirmation-emails-per-hour=1000000",
				"nhsjob.matcher.limits.previews-per-client-per-minute=1000000" })
@AutoConfigureRestTestClient
@Import(VacancyTopic.class)
public @interface MatcherIntegrationTest {

}

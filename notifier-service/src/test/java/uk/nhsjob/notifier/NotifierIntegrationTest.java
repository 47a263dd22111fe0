package uk.nhsjob.notifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import uk.nhsjob.notifier.delivery.TestCoalescing;
import uk.nhsjob.notifier.delivery.TestFaults;
import uk.nhsjob.testsupport.RealInfrastructure;

/**
 * The whole notifier on real Kafka, MongoDB and SMTP. Every test class that uses it
 * shares one application context (and one consumer group), so each test uses ids and
 * addresses of its own. Matches are due at once (no coalescing window) unless a test
 * opens one ({@link TestCoalescing}); the clock is a {@code MovableClock} starting at a
 * fixed moment ({@link TestStreams}), so tests move time instead of waiting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealInfrastructure
@SpringBootTest(properties = { "spring.config.name=notifier-service", "nhsjob.notifier.coalescing-window=0s",
		"nhsjob.notifier.delivery.poll-interval=200ms",
		"nhsjob.notifier.address-key=" + NotifierIntegrationTest.ADDRESS_KEY,
		"nhsjob.notifier.admin-token=" + NotifierIntegrationTest.ADMIN_TOKEN })
@AutoConfigureMockMvc
@Import({ TestStreams.class, TestFaults.class, TestCoalescing.class })
public @interface NotifierIntegrationTest {

	/** The key of the suppressions' hash in every test's notifier. */
	String ADDRESS_KEY = "the-tests-address-key-of-32-characters-or-more";

	/** The admin token of every test's notifier. */
	String ADMIN_TOKEN = "the-tests-notifier-admin-token";

}

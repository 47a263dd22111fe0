package uk.nhsjob.notifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import uk.nhsjob.testsupport.RealInfrastructure;

/**
 * The whole notifier on real Kafka, MongoDB and SMTP. Every test class that uses it
 * shares one application context (and one consumer group), so each test uses ids and
 * addresses of its own. Matches are due at once (no coalescing window) unless a test sets
 * one; the clock is a {@link MovableClock}, so tests move time instead of waiting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealInfrastructure
@SpringBootTest(properties = { "spring.config.name=notifier-service", "nhsjob.notifier.coalescing-window=0s",
		"nhsjob.notifier.delivery.poll-interval=200ms" })
@AutoConfigureMockMvc
@Import({ TestStreams.class, uk.nhsjob.notifier.delivery.TestFaults.class })
public @interface NotifierIntegrationTest {

}

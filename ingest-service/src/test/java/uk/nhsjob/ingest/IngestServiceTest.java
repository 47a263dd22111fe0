package uk.nhsjob.ingest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import uk.nhsjob.testsupport.RealInfrastructure;

/**
 * The whole service on a random port, on the shared real Kafka and MongoDB, with a known
 * admin token, a small feed limit, small outbox batches (so that a feed of a few
 * vacancies already goes out in several), pulls from loopback allowed and scheduled
 * within seconds, and the {@link ServiceClock}. Every test class with the same settings
 * shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RealInfrastructure
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=ingest-service", "nhsjob.ingest.admin-token=" + IngestApi.ADMIN_TOKEN,
				"nhsjob.ingest.max-feed-size=" + IngestApi.MAX_FEED_SIZE,
				"nhsjob.ingest.outbox.batch-size=" + IngestApi.OUTBOX_BATCH_SIZE, "nhsjob.ingest.pull.min-period=PT2S",
				"nhsjob.ingest.pull.tick=100ms", "nhsjob.ingest.pull.first-retry=100ms",
				"nhsjob.ingest.pull.fetch.allow-loopback=true" })
@Import(ServiceClock.ServiceClockConfiguration.class)
public @interface IngestServiceTest {

}

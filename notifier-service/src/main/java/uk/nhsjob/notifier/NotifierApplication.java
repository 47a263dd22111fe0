package uk.nhsjob.notifier;

import java.time.ZoneId;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Emails candidates: confirmation requests from the profile stream, the vacancies that
 * matched their alerts from the alert stream, and notices about an address from the
 * notices topic, all through one delivery ledger. Its beans are in
 * {@link NotifierConfiguration}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotifierApplication {

	/** UK dates (closing dates, "today") are read in this zone. */
	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(NotifierApplication.class)
			.properties("spring.config.name=notifier-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}

}

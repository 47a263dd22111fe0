package uk.nhsjob.ingest;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The ingest service: the feed endpoint employers' systems push vacancies to.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IngestApplication {

	/**
	 * The application with its own settings file, {@code ingest-service.yml}, so that it
	 * can share a JVM with the other services.
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(IngestApplication.class).properties("spring.config.name=ingest-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}

}

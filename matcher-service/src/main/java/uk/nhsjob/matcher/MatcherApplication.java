package uk.nhsjob.matcher;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The matcher: keeps candidates' alert profiles, matches every open vacancy against them
 * and publishes the matches for the notifier.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MatcherApplication {

	/** The application with its own settings file, {@code matcher-service.yml}. */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(MatcherApplication.class).properties("spring.config.name=matcher-service");
	}

	public static void main(String[] args) {
		application().run(args);
	}

}

package uk.nhsjob.ingest;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class IngestSettingsTests {

	@Test
	void runsOutOfTheBoxWithDefaults() {
		IngestSettings settings = new Binder(new MapConfigurationPropertySource()).bindOrCreate("nhsjob.ingest",
				IngestSettings.class);

		assertThat(settings.adminToken()).isEmpty();
		assertThat(settings.maxFeedSize()).isEqualTo(DataSize.ofMegabytes(10));
		assertThat(settings.outbox().sendTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.payScale()).startsWith("classpath:");
	}

	@Test
	void takesItsAdminTokenFromTheEnvironment() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("env",
					Map.of("NHSJOB_INGEST_ADMIN_TOKEN", "s3cret", "NHSJOB_INGEST_MAX_FEED_SIZE", "2MB")));
		environment.getPropertySources().addLast(new MapPropertySource("empty", Map.of()));

		IngestSettings settings = new Binder(ConfigurationPropertySources.get(environment))
			.bindOrCreate("nhsjob.ingest", IngestSettings.class);

		assertThat(settings.adminToken()).isEqualTo("s3cret");
		assertThat(settings.maxFeedSize()).isEqualTo(DataSize.ofMegabytes(2));
	}

}

package uk.nhsjob.platform.background;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The registry of background readers and the {@code background} health indicator; the
 * group of that name is declared in nhsjob-platform.yml.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
public class BackgroundAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BackgroundReaders backgroundReaders(MeterRegistry meters) {
		return new BackgroundReaders(meters);
	}

	/**
	 * Named {@code backgroundReaders}: a contributor may not take the name of the group
	 * ({@code background}) that shows it.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "backgroundReadersHealthIndicator")
	BackgroundHealthIndicator backgroundReadersHealthIndicator(BackgroundReaders readers) {
		return new BackgroundHealthIndicator(readers);
	}

}

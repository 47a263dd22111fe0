package uk.nhsjob.platform.background;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The registry of background readers, the log of their faults and the {@code background}
 * health indicator; the group of that name is declared in nhsjob-platform.yml.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(BackgroundSettings.class)
public class BackgroundAutoConfiguration {

	/** On the system clock: how long a fault has lasted is real time, never a test's. */
	@Bean
	@ConditionalOnMissingBean
	BackgroundReaders backgroundReaders(MeterRegistry meters, BackgroundSettings settings) {
		return new BackgroundReaders(meters, Clock.systemUTC(), settings);
	}

	@Bean
	@ConditionalOnMissingBean
	FaultLog backgroundFaultLog(BackgroundReaders readers) {
		return new FaultLog(readers);
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

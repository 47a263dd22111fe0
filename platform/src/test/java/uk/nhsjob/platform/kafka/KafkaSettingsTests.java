package uk.nhsjob.platform.kafka;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSettingsTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(WithSettings.class);

	@Test
	void aFaultThatPassesIsRetriedAtMost30SecondsApartByDefault() {
		this.contexts.run((context) -> {
			KafkaSettings.Retry retry = context.getBean(KafkaSettings.class).retry();
			assertThat(retry.attempts()).isEqualTo(4);
			assertThat(retry.transientMaxInterval()).isEqualTo(Duration.ofSeconds(30));
			assertThat(KafkaFailurePolicy.transientBackOff(retry).start().nextBackOff()).isEqualTo(500);
		});
	}

	@Test
	void bindsTheLongestWaitForAFaultThatPasses() {
		this.contexts.withPropertyValues("nhsjob.kafka.retry.transient-max-interval=2m")
			.run((context) -> assertThat(context.getBean(KafkaSettings.class).retry().transientMaxInterval())
				.isEqualTo(Duration.ofMinutes(2)));
	}

	@Test
	void aFaultThatPassesHasNoLastTry() {
		KafkaSettings.Retry retry = new KafkaSettings.Retry(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10),
				Duration.ofSeconds(30));
		var execution = KafkaFailurePolicy.transientBackOff(retry).start();
		long last = 0;
		for (int attempt = 0; attempt < 1000; attempt++) {
			last = execution.nextBackOff();
		}
		assertThat(last).isEqualTo(30_000);
		var others = KafkaFailurePolicy.backOff(retry).start();
		for (int attempt = 0; attempt < 4; attempt++) {
			assertThat(others.nextBackOff()).isPositive();
		}
		assertThat(others.nextBackOff()).as("then dead-lettered").isEqualTo(-1);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(KafkaSettings.class)
	static class WithSettings {

	}

}

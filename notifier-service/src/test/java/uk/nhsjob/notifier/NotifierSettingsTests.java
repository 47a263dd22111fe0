package uk.nhsjob.notifier;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class NotifierSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(WithSettings.class);

	@Test
	void runsOutOfTheBoxWithDefaults() {
		this.runner.run((context) -> assertThat(context.getBean(NotifierSettings.class))
			.isEqualTo(new NotifierSettings("alerts@nhsjob.localhost", "NHSJob Alerts", Duration.ofSeconds(30),
					"nhsjob.alerts", "alerts.nhsjob.localhost")));
	}

	@Test
	void refusesASenderThatIsNoAddress() {
		this.runner.withPropertyValues("nhsjob.notifier.sender-address=alerts at nhsjob")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(NotifierSettings.class)
	static class WithSettings {

	}

}

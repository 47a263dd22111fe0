package uk.nhsjob.notifier.delivery;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Gives the running notifier a {@link ScriptedFaults} for tests to arm. */
@TestConfiguration(proxyBeanMethods = false)
public class TestFaults {

	@Bean
	ScriptedFaults scriptedFaults() {
		return new ScriptedFaults();
	}

}

package uk.nhsjob.matcher.alert.link;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokenConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(WithSettings.class, LinkTokenConfiguration.class)
		.withBean(Clock.class, Clock::systemUTC);

	@Test
	void refusesToStartWithoutATokenSecretAndSaysWhichSetting() {
		this.contexts.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = registeredAnalyzers().stream()
				.map((analyzer) -> analyzer.analyze(failure))
				.filter((found) -> found != null)
				.findFirst()
				.orElseThrow();
			assertThat(analysis.getDescription()).contains("nhsjob.matcher.token-secret",
					"NHSJOB_MATCHER_TOKEN_SECRET");
			assertThat(analysis.getAction()).contains("NHSJOB_MATCHER_TOKEN_SECRET",
					"NHSJOB_MATCHER_PREVIOUS_TOKEN_SECRET");
		});
	}

	@Test
	void refusesABlankTokenSecret() {
		this.contexts.withPropertyValues("nhsjob.matcher.token-secret= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MissingTokenSecretException.class));
	}

	@Test
	void startsWithATokenSecret() {
		this.contexts.withPropertyValues("nhsjob.matcher.token-secret=a secret of at least thirty-two characters")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(LinkTokens.class));
	}

	/**
	 * The failure analyzers Spring Boot finds, as at start-up; those that need a context
	 * left out.
	 */
	private static List<FailureAnalyzer> registeredAnalyzers() {
		return SpringFactoriesLoader.forDefaultResourceLocation(LinkTokenConfigurationTests.class.getClassLoader())
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {
			}));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LinkSettings.class)
	static class WithSettings {

	}

}

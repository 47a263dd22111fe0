package uk.nhsjob.notifier.suppression;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The notifier's secrets: the address key required, the admin token made when unset. */
class SuppressionsConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(WithSettings.class, Suppressions.class)
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(MongoTemplate.class, () -> mock(MongoTemplate.class));

	@Test
	void refusesToStartWithoutAnAddressKeyAndSaysWhichSetting() {
		this.contexts.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = registeredAnalyzers().stream()
				.map((analyzer) -> analyzer.analyze(failure))
				.filter((found) -> found != null)
				.findFirst()
				.orElseThrow();
			assertThat(analysis.getDescription()).contains("nhsjob.notifier.address-key",
					"NHSJOB_NOTIFIER_ADDRESS_KEY");
			assertThat(analysis.getAction()).contains("NHSJOB_NOTIFIER_ADDRESS_KEY");
		});
	}

	@Test
	void refusesABlankOrShortAddressKey() {
		this.contexts.withPropertyValues("nhsjob.notifier.address-key= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(MissingAddressKeyException.class));
		this.contexts.withPropertyValues("nhsjob.notifier.address-key=short")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void startsWithAnAddressKey() {
		this.contexts.withPropertyValues("nhsjob.notifier.address-key=a key of at least thirty-two characters")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Suppressions.class));
	}

	@Test
	void theKeyedHashDependsOnTheKeyAndNotOnTheAddressCase() {
		AddressHash one = new AddressHash("a key of at least thirty-two characters");
		AddressHash other = new AddressHash("another key of at least thirty-two characters");

		assertThat(one.of("Sam@Example.org")).isEqualTo(one.of("sam@example.org"))
			.isNotEqualTo(other.of("sam@example.org"))
			.doesNotContain("sam");
	}

	@Test
	void anUnsetAdminTokenIsMadeAndPrintedToTheConsoleOnly() {
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		AdminToken token = new AdminToken(settings(""), new PrintStream(console, true, StandardCharsets.UTF_8));

		String printed = console.toString(StandardCharsets.UTF_8).strip();
		assertThat(printed).startsWith(AdminToken.PRINTED);
		String made = printed.substring(AdminToken.PRINTED.length());
		assertThat(made).hasSizeGreaterThanOrEqualTo(40);
		assertThat(token.matches(made)).isTrue();
		assertThat(token.matches(made + "x")).isFalse();
	}

	@Test
	void aSetAdminTokenIsNotPrinted() {
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		AdminToken token = new AdminToken(settings("the-operators-token"),
				new PrintStream(console, true, StandardCharsets.UTF_8));

		assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(token.matches("the-operators-token")).isTrue();
		assertThat(token.matches("the-operators-token ")).isFalse();
	}

	private static SuppressionSettings settings(String adminToken) {
		return new Binder(new MapConfigurationPropertySource(Map.of("nhsjob.notifier.admin-token", adminToken)))
			.bindOrCreate("nhsjob.notifier", SuppressionSettings.class);
	}

	private static List<FailureAnalyzer> registeredAnalyzers() {
		return SpringFactoriesLoader.forDefaultResourceLocation(SuppressionsConfigurationTests.class.getClassLoader())
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {
			}));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SuppressionSettings.class)
	static class WithSettings {

	}

}

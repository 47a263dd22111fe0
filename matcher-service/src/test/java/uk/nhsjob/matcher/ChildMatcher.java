package uk.nhsjob.matcher;

import java.time.Clock;
import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import uk.nhsjob.testsupport.SkipTestConfigurations;
import uk.nhsjob.testsupport.time.MovableClock;

/**
 * The matcher as {@link MatcherProcess} starts it: it halts when the test JVM that
 * started it ends, so that no child outlives a test run however that run ends; and it
 * runs on the test's {@link ServiceClock}, from the moment {@value #CLOCK_PROPERTY}
 * gives, since the fixtures date their vacancies by that clock.
 */
public final class ChildMatcher {

	static final String PARENT_PROPERTY = "nhsjob.test.parent-pid";

	static final String CLOCK_PROPERTY = "nhsjob.test.service-clock";

	private ChildMatcher() {
	}

	/**
	 * The system property that puts a child on the parent's {@link ServiceClock} as it is
	 * now.
	 */
	static String clockArgument() {
		return "-D" + CLOCK_PROPERTY + "=" + ServiceClock.LONDON.instant();
	}

	public static void main(String[] args) {
		ProcessHandle.of(Long.getLong(PARENT_PROPERTY, -1))
			.ifPresentOrElse((parent) -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
					() -> Runtime.getRuntime().halt(1));
		MatcherApplication.application()
			// the test configurations on the class path are for the in-JVM tests
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("skipTestConfigurations", new SkipTestConfigurations()))
			.sources(ParentClock.class)
			.run(args);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ParentClock {

		@Bean
		@Primary
		Clock parentClock(Environment environment) {
			return MovableClock.startingAt(Instant.parse(environment.getRequiredProperty(CLOCK_PROPERTY)),
					ServiceClock.ZONE);
		}

	}

}

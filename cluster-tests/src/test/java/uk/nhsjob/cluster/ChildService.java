package uk.nhsjob.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import uk.nhsjob.ingest.IngestApplication;
import uk.nhsjob.matcher.MatcherApplication;
import uk.nhsjob.notifier.NotifierApplication;
import uk.nhsjob.testsupport.SkipTestConfigurations;
import uk.nhsjob.testsupport.time.MovableClock;

/**
 * One service instance as {@link ServiceInstance} starts it, in a JVM of its own: the
 * first argument names the service, the rest are its Spring arguments. It halts when the
 * test JVM that started it ends, so no child outlives a run however the run ends; and it
 * runs on a clock {@value #CLOCK_OFFSET} ahead of the real time, the same for every
 * instance and every restart, so the feeds' closing dates and the services' "today" agree
 * whenever the test runs.
 */
public final class ChildService {

	static final String PARENT_PID = "nhsjob.test.parent-pid";

	static final String CLOCK_OFFSET = "nhsjob.test.clock-offset";

	private ChildService() {
	}

	public static void main(String[] args) {
		ProcessHandle.of(Long.getLong(PARENT_PID, -1))
			.ifPresentOrElse((parent) -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
					() -> Runtime.getRuntime().halt(1));
		SpringApplicationBuilder application = switch (args[0]) {
			case "ingest" -> IngestApplication.application();
			case "matcher" -> MatcherApplication.application();
			case "notifier" -> NotifierApplication.application();
			default -> throw new IllegalArgumentException("No service " + args[0]);
		};
		application
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("skipTestConfigurations", new SkipTestConfigurations()))
			.sources(OffsetClock.class)
			.run(Arrays.copyOfRange(args, 1, args.length));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OffsetClock {

		@Bean
		@Primary
		Clock offsetClock(Environment environment) {
			MovableClock clock = MovableClock.atRealTime(ClusterClock.LONDON);
			clock.advance(Duration.parse(environment.getRequiredProperty(CLOCK_OFFSET)));
			return clock;
		}

	}

}

package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import uk.nhsjob.notifier.NotifierApplication;
import uk.nhsjob.testsupport.SkipTestConfigurations;
import uk.nhsjob.testsupport.time.MovableClock;

/**
 * The notifier as {@link KillTests} runs it, in a JVM of its own. Test code, so never in
 * the service's jar; and the halting hook is there only when {@value #HALT_AT} is set.
 * <ul>
 * <li>{@value #HALT_AT} ({@code AFTER_RECORDED}, {@code BEFORE_DATA},
 * {@code AFTER_ACCEPTED}): at that step the JVM halts with 137, as {@code kill -9} would
 * stop it: no shutdown hook, no offset commit, no ledger write after it;</li>
 * <li>{@value #HALT_FOR}: only for keys (ledger entries, emails) of alerts whose id
 * starts with this; {@value #HALT_ON}: at the n-th such key (default 1);</li>
 * <li>{@value #CLOCK_OFFSET}: an ISO-8601 duration the clock runs ahead of the real time,
 * which puts it at the moment the test's own clock shows (and past 07:00, so a digest
 * falls due).</li>
 * </ul>
 */
final class KillableNotifier {

	static final String HALT_AT = "nhsjob.notifier.test.halt-at";

	static final String HALT_FOR = "nhsjob.notifier.test.halt-for";

	static final String HALT_ON = "nhsjob.notifier.test.halt-on";

	static final String CLOCK_OFFSET = "nhsjob.notifier.test.clock-offset";

	private KillableNotifier() {
	}

	public static void main(String[] args) {
		SpringApplicationBuilder notifier = NotifierApplication.application()
			// the test configurations on the class path are for the in-JVM tests
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("skipTestConfigurations", new SkipTestConfigurations()));
		if (System.getProperty(HALT_AT) != null) {
			notifier.sources(HaltingFaults.class);
		}
		if (System.getProperty(CLOCK_OFFSET) != null) {
			notifier.sources(ClockAhead.class);
		}
		notifier.run(args);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HaltingFaults {

		@Bean
		@Primary
		DeliveryFaults haltingFaults(Environment environment) {
			return new Halt(ScriptedFaults.Step.valueOf(environment.getRequiredProperty(HALT_AT)),
					environment.getRequiredProperty(HALT_FOR), environment.getProperty(HALT_ON, Integer.class, 1));
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ClockAhead {

		@Bean
		@Primary
		Clock clockAhead(Environment environment) {
			MovableClock clock = MovableClock.atRealTime(NotifierApplication.LONDON);
			clock.advance(Duration.parse(environment.getRequiredProperty(CLOCK_OFFSET)));
			return clock;
		}

	}

	/** Halts the JVM at one step, for the n-th key of the alerts named. */
	static final class Halt implements DeliveryFaults {

		private static final Logger log = LoggerFactory.getLogger(Halt.class);

		private final ScriptedFaults.Step step;

		private final String alertPrefix;

		private final int on;

		private final AtomicInteger seen = new AtomicInteger();

		Halt(ScriptedFaults.Step step, String alertPrefix, int on) {
			this.step = step;
			this.alertPrefix = alertPrefix;
			this.on = on;
			log.warn("TEST FAULT HOOK ARMED: this JVM halts at {} of the {}. key of alerts {}*", step, on, alertPrefix);
		}

		@Override
		public void afterRecorded(String deliveryId) {
			haltIfDue(ScriptedFaults.Step.AFTER_RECORDED, deliveryId);
		}

		@Override
		public void beforeData(String emailKey) {
			haltIfDue(ScriptedFaults.Step.BEFORE_DATA, emailKey);
		}

		@Override
		public void afterAccepted(String emailKey) {
			haltIfDue(ScriptedFaults.Step.AFTER_ACCEPTED, emailKey);
		}

		private void haltIfDue(ScriptedFaults.Step at, String key) {
			if (at == this.step && key.startsWith(this.alertPrefix) && this.seen.incrementAndGet() == this.on) {
				System.out.println("HALTING at " + at + " of " + key);
				System.out.flush();
				Runtime.getRuntime().halt(137);
			}
		}

	}

}

package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.NotifierSettings;

/**
 * Gives the running notifier a coalescing rule whose window a test may open for a while
 * ({@link CoalescingTests}). The tests share one notifier, whose window is the setting's
 * (0s: each match due at once); a second context with another window would be a second
 * notifier reading the same topics, and would send the shared notifier's emails too.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCoalescing {

	@Bean
	@Primary
	AdjustableCoalescingRule adjustableCoalescingRule(NotifierSettings settings) {
		return new AdjustableCoalescingRule(settings.coalescingWindow());
	}

	/** The production rule, built again for the window a test opens. */
	static final class AdjustableCoalescingRule extends CoalescingRule {

		private final Duration configured;

		private volatile CoalescingRule rule;

		AdjustableCoalescingRule(Duration configured) {
			super(configured);
			this.configured = configured;
			this.rule = new CoalescingRule(configured);
		}

		/** Matches recorded from now on are due this long after they are recorded. */
		void coalesceWithin(Duration window) {
			this.rule = new CoalescingRule(window);
		}

		/** Back to the window of the settings. */
		void reset() {
			this.rule = new CoalescingRule(this.configured);
		}

		@Override
		Instant dueAt(Frequency frequency, Instant recordedAt) {
			return this.rule.dueAt(frequency, recordedAt);
		}

		@Override
		Instant dueBy(Instant now) {
			return this.rule.dueBy(now);
		}

		@Override
		List<PlannedEmail> plan(List<Delivery> candidates, Instant now, int max,
				Function<String, @Nullable String> inboxOf) {
			return this.rule.plan(candidates, now, max, inboxOf);
		}

	}

}

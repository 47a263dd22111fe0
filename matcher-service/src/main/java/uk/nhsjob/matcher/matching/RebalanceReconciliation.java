package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * When partitions are assigned, before their records are matched: the matches published
 * lately are recorded as sent if they are not yet. An instance killed between a commit
 * and its record leaves such pairs behind, and the instance that takes over its
 * partitions must not send them again on a later revision of the vacancy.
 */
@Component
class RebalanceReconciliation implements ConsumerAwareRebalanceListener {

	/** Far longer than a dead member's session timeout, so it covers its last commits. */
	private static final Duration LOOK_BACK = Duration.ofMinutes(15);

	private final MatchingStartup startup;

	private final SentReconciliation reconciliation;

	// the real time, not the service's clock: the look-back is compared with the broker's
	// append times
	private final Clock brokerTime = Clock.systemUTC();

	RebalanceReconciliation(MatchingStartup startup, SentReconciliation reconciliation) {
		this.startup = startup;
		this.reconciliation = reconciliation;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		if (!partitions.isEmpty() && this.startup.isDone()) {
			this.reconciliation.reconcileSince(this.brokerTime.instant().minus(LOOK_BACK));
		}
	}

}

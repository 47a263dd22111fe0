package uk.nhsjob.notifier.recipient;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.profile.AlertProfileChanged;

/** Reads the profile stream (keyed by alert; a null value is the alert's tombstone). */
@Component
class ProfileListener {

	private final RecipientRegistry registry;

	ProfileListener(RecipientRegistry registry) {
		this.registry = registry;
	}

	@KafkaListener(topics = Topics.PROFILES, groupId = "notifier-service.profiles",
			properties = "spring.json.value.default.type=uk.nhsjob.common.profile.AlertProfileChanged")
	void on(ConsumerRecord<@Nullable String, @Nullable AlertProfileChanged> record) {
		String alertId = record.key();
		if (alertId == null) {
			// not worth retrying, and a tombstone of no alert erases nothing: straight
			// to the dead-letter topic
			throw new IllegalArgumentException("a profile record without a key");
		}
		this.registry.apply(alertId, record.value());
	}

}

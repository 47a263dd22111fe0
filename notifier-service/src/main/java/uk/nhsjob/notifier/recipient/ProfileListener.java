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
	void on(ConsumerRecord<String, @Nullable AlertProfileChanged> record) {
		this.registry.apply(record.key(), record.value());
	}

}

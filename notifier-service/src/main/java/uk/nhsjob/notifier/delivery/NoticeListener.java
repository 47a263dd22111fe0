package uk.nhsjob.notifier.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.notice.AddressNotice;

/**
 * Reads the notices topic: emails about an address (the manage link, the reply to an
 * address that has its fill of alerts), keyed by a keyed hash of the address.
 */
@Component
class NoticeListener {

	private final AddressNotices notices;

	NoticeListener(AddressNotices notices) {
		this.notices = notices;
	}

	@KafkaListener(topics = Topics.NOTICES, groupId = "notifier-service.notices",
			properties = "spring.json.value.default.type=uk.nhsjob.common.notice.AddressNotice")
	void on(ConsumerRecord<String, @Nullable AddressNotice> record) {
		this.notices.record(record.value());
	}

}

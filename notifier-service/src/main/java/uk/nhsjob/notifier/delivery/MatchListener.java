package uk.nhsjob.notifier.delivery;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.AlertMatch;

/** Reads the alert stream: the matcher's matches and welcome sets, keyed by alert. */
@Component
class MatchListener {

	private final AlertDelivery delivery;

	MatchListener(AlertDelivery delivery) {
		this.delivery = delivery;
	}

	// several consumers: recording is a MongoDB round trip or two per match, and the
	// partitions (keyed by alert) keep each alert's matches in order
	@KafkaListener(topics = Topics.ALERTS, groupId = "notifier-service.alerts",
			concurrency = "${nhsjob.notifier.alert-consumers:3}",
			properties = "spring.json.value.default.type=uk.nhsjob.common.match.AlertMatch")
	void on(AlertMatch match) {
		this.delivery.record(match);
	}

}

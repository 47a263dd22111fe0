package uk.nhsjob.notifier.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;

/**
 * Reads the vacancy stream for the vacancies that close (or open again); a record of a
 * revision lower than the one {@link ClosedVacancies} holds changes nothing.
 */
@Component
class VacancyClosureListener {

	private final ClosedVacancies closedVacancies;

	VacancyClosureListener(ClosedVacancies closedVacancies) {
		this.closedVacancies = closedVacancies;
	}

	@KafkaListener(topics = Topics.VACANCIES, groupId = "notifier-service.vacancies",
			properties = "spring.json.value.default.type=uk.nhsjob.common.vacancy.VacancyPublished")
	void on(ConsumerRecord<String, @Nullable VacancyPublished> record) {
		this.closedVacancies.apply(record.key(), record.value());
	}

}

package uk.nhsjob.notifier.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The ids of the vacancies the vacancy stream last showed closed, so that no email offers
 * one. Records of one vacancy arrive in order, so the last one wins.
 */
@Component
class ClosedVacancies {

	private final MongoTemplate mongo;

	ClosedVacancies(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	boolean contains(String vacancyId) {
		return this.mongo.exists(query(where("_id").is(vacancyId)), ClosedVacancy.class);
	}

	@KafkaListener(topics = Topics.VACANCIES, groupId = "notifier-service.vacancies",
			properties = "spring.json.value.default.type=uk.nhsjob.common.vacancy.VacancyPublished")
	void on(ConsumerRecord<String, @Nullable VacancyPublished> record) {
		VacancyPublished published = record.value();
		if (published == null || published.vacancy().isOpen()) {
			this.mongo.remove(query(where("_id").is(record.key())), ClosedVacancy.class);
			return;
		}
		Vacancy vacancy = published.vacancy();
		this.mongo.save(new ClosedVacancy(vacancy.id(), vacancy.revision(), published.occurredAt()));
	}

}

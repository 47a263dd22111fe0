package uk.nhsjob.matcher.matching;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;

/**
 * Matches every vacancy published since the group's committed position. The container
 * runs each record in a Kafka transaction that also carries its offset: its matches are
 * visible to {@code read_committed} consumers exactly when the record counts as read, so
 * a crash or a rebalance mid-stream neither loses nor repeats one. The set of open
 * vacancies is the {@link OpenVacancyReader}'s job, not this listener's.
 */
@Component
class VacancyListener {

	private final OpenVacancies openVacancies;

	private final Matchmaker matchmaker;

	VacancyListener(OpenVacancies openVacancies, Matchmaker matchmaker) {
		this.openVacancies = openVacancies;
		this.matchmaker = matchmaker;
	}

	@KafkaListener(topics = Topics.VACANCIES,
			properties = "spring.json.value.default.type=uk.nhsjob.common.vacancy.VacancyPublished")
	void onVacancy(ConsumerRecord<String, @Nullable VacancyPublished> record) {
		VacancyPublished published = record.value();
		if (published == null) {
			return; // a tombstone: nothing to match
		}
		Vacancy vacancy = published.vacancy();
		if (vacancy == null) {
			// not worth retrying: straight to the dead-letter topic
			throw new IllegalArgumentException("a vacancy record without a vacancy");
		}
		if (OpenVacancies.isOpenOn(vacancy, this.openVacancies.today())) {
			this.matchmaker.matchVacancy(vacancy);
		}
	}

}

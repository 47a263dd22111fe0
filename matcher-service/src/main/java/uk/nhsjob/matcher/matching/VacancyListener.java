package uk.nhsjob.matcher.matching;

import java.time.Instant;

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
 * <p>
 * A record is matched only once the {@link AlertProfileReader} has applied every profile
 * record appended before it (docs/matching.md, "Several instances"); it waits for that a
 * few seconds at most, then fails with {@link IndexBehind} to be tried again.
 */
@Component
class VacancyListener {

	private final OpenVacancies openVacancies;

	private final Matchmaker matchmaker;

	private final AlertProfileReader profiles;

	private final TopicReadingSettings settings;

	VacancyListener(OpenVacancies openVacancies, Matchmaker matchmaker, AlertProfileReader profiles,
			TopicReadingSettings settings) {
		this.openVacancies = openVacancies;
		this.matchmaker = matchmaker;
		this.profiles = profiles;
		this.settings = settings;
	}

	@KafkaListener(topics = Topics.VACANCIES,
			properties = "spring.json.value.default.type=uk.nhsjob.common.vacancy.VacancyPublished")
	void onVacancy(ConsumerRecord<String, @Nullable VacancyPublished> record) throws InterruptedException {
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
			Instant appendedAt = Instant.ofEpochMilli(record.timestamp());
			ReadWatermark index = this.profiles.watermark();
			if (!index.awaitCovering(appendedAt, this.settings.catchUpWait())) {
				throw new IndexBehind(appendedAt, index.appliedBefore());
			}
			this.matchmaker.matchVacancy(vacancy, appendedAt);
		}
	}

}

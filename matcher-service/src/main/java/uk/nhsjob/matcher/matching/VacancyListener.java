package uk.nhsjob.matcher.matching;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;

/**
 * Reads the vacancy stream: rebuilds the open vacancies from its beginning whenever
 * partitions are assigned, and matches every open vacancy published since the last
 * committed position. Offsets are committed by hand, and never for a replayed record, so
 * a restart in the middle of a rebuild does not move the committed position back.
 */
@Component
class VacancyListener implements ConsumerSeekAware {

	private final OpenVacancies openVacancies;

	private final RebuildProgress rebuild;

	private final Matchmaker matchmaker;

	VacancyListener(OpenVacancies openVacancies, RebuildProgress rebuild, Matchmaker matchmaker) {
		this.openVacancies = openVacancies;
		this.rebuild = rebuild;
		this.matchmaker = matchmaker;
	}

	@KafkaListener(topics = Topics.VACANCIES,
			properties = "spring.json.value.default.type=uk.nhsjob.common.vacancy.VacancyPublished")
	void onVacancy(ConsumerRecord<String, @Nullable VacancyPublished> record, Acknowledgment acknowledgment) {
		boolean replayed = this.rebuild.read(new TopicPartition(record.topic(), record.partition()), record.offset());
		Vacancy vacancy = vacancyOf(record);
		String vacancyId = (record.key() != null) ? record.key() : (vacancy != null) ? vacancy.id() : null;
		if (vacancyId == null) {
			throw new IllegalArgumentException("a vacancy record without a key or a vacancy");
		}
		boolean open = this.openVacancies.update(vacancyId, vacancy);
		if (!replayed) {
			if (open && vacancy != null) {
				this.matchmaker.matchVacancy(vacancy);
			}
			acknowledgment.acknowledge();
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		this.rebuild.assigned(assignments);
		callback.seekToBeginning(assignments.keySet());
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		this.rebuild.revoked(partitions);
	}

	private static @Nullable Vacancy vacancyOf(ConsumerRecord<String, @Nullable VacancyPublished> record) {
		VacancyPublished published = record.value();
		if (published == null) {
			return null;
		}
		if (published.vacancy() == null) {
			// not worth retrying: straight to the dead-letter topic
			throw new IllegalArgumentException("a vacancy record without a vacancy");
		}
		return published.vacancy();
	}

}

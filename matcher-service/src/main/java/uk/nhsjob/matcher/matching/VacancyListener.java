package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.matcher.alert.ProfileRepublication;

/**
 * Matches every vacancy published since the group's committed position. The container
 * runs each record in a Kafka transaction that also carries its offset: its matches are
 * visible to {@code read_committed} consumers exactly when the record counts as read, so
 * a crash or a rebalance mid-stream neither loses nor repeats one. The set of open
 * vacancies is the {@link OpenVacancyReader}'s job, not this listener's.
 * <p>
 * A record is matched only once the {@link AlertProfileReader} has applied every profile
 * record appended before it (docs/matching.md, "Several instances"); it waits for that a
 * few seconds at most, then fails with {@link IndexBehind} to be tried again. Until the
 * schema-2 republication is complete ({@link ProfileRepublication}) the index is behind
 * too, and once it is, every profile record appended before its completion must be
 * applied as well (docs/matching.md, "Republishing on schema version 2").
 */
@Component
class VacancyListener {

	private static final Duration REPUBLICATION_POLL = Duration.ofMillis(250);

	private final OpenVacancies openVacancies;

	private final Matchmaker matchmaker;

	private final AlertProfileReader profiles;

	private final TopicReadingSettings settings;

	private final ProfileRepublication republication;

	/** Once complete, the republication stays so: asked no more. */
	private volatile @Nullable Instant republishedBefore;

	VacancyListener(OpenVacancies openVacancies, Matchmaker matchmaker, AlertProfileReader profiles,
			TopicReadingSettings settings, ProfileRepublication republication) {
		this.openVacancies = openVacancies;
		this.matchmaker = matchmaker;
		this.profiles = profiles;
		this.settings = settings;
		this.republication = republication;
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
			long deadline = System.nanoTime() + this.settings.catchUpWait().toNanos();
			Instant republished = awaitRepublication(deadline);
			if (republished == null) {
				throw new IndexBehind(appendedAt);
			}
			// the republication's completion is another instance's time, perhaps
			Instant needed = republished.plus(this.settings.clockSkew());
			Instant covering = appendedAt.isAfter(needed) ? appendedAt : needed;
			ReadWatermark index = this.profiles.watermark();
			if (!index.awaitCovering(covering, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
				throw new IndexBehind(covering, index.appliedBefore());
			}
			this.matchmaker.matchVacancy(vacancy, appendedAt);
		}
	}

	private @Nullable Instant awaitRepublication(long deadline) throws InterruptedException {
		Instant known = this.republishedBefore;
		while (known == null) {
			Optional<Instant> completedAt = this.republication.completedAt();
			if (completedAt.isPresent()) {
				known = completedAt.get();
				this.republishedBefore = known;
			}
			else if (System.nanoTime() + REPUBLICATION_POLL.toNanos() > deadline) {
				return null;
			}
			else {
				Thread.sleep(REPUBLICATION_POLL.toMillis());
			}
		}
		return known;
	}

}

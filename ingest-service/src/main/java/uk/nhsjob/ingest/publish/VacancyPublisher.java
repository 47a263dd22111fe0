package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * Publishes each new or changed vacancy as its next revision: revision 1 for a new one,
 * one more for a changed one, nothing for an unchanged re-push.
 */
@Service
public class VacancyPublisher {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Tries to write a revision when another instance writes the same vacancy. */
	private static final int ATTEMPTS = 3;

	private final PublishedVacancies publishedVacancies;

	private final OutboxSender sender;

	private final SourceLocks locks;

	private final Clock clock;

	VacancyPublisher(PublishedVacancies publishedVacancies, OutboxSender sender, SourceLocks locks, Clock clock) {
		this.publishedVacancies = publishedVacancies;
		this.sender = sender;
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * @param vacancies normalised vacancies of one source, one per id, revision not set
	 */
	public Publication publish(String sourceId, List<Vacancy> vacancies) {
		return this.locks.withLock(sourceId, () -> {
			List<PublishedVacancy> due = new ArrayList<>();
			int unchanged = 0;
			for (Vacancy vacancy : vacancies) {
				Optional<PublishedVacancy> revision = recordRevision(vacancy);
				if (revision.isPresent()) {
					due.add(revision.get());
				}
				else {
					unchanged++;
				}
			}
			int acknowledged = this.sender.sendAndConfirm(due);
			return new Publication(acknowledged, unchanged, due.size() - acknowledged);
		});
	}

	/**
	 * Stores the vacancy's next revision, pending publication; empty when it says what
	 * its latest revision says.
	 */
	private Optional<PublishedVacancy> recordRevision(Vacancy vacancy) {
		for (int attempt = 1;; attempt++) {
			PublishedVacancy current = this.publishedVacancies.findById(vacancy.id()).orElse(null);
			Vacancy candidate = Vacancies.with(vacancy, 0, postedAt(vacancy, current));
			String contentHash = ContentHashes.of(candidate);
			if (current != null && current.contentHash().equals(contentHash)) {
				// still pending: an earlier push of the same content was not acknowledged
				return current.pendingPublication() ? Optional.of(current) : Optional.empty();
			}
			long revision = (current != null) ? current.revision() + 1 : 1;
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			try {
				return Optional.of(this.publishedVacancies.save(PublishedVacancy
					.pending(Vacancies.with(candidate, revision, candidate.postedAt()), contentHash, now, current)));
			}
			catch (OptimisticLockingFailureException | DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * The feed's date, else the day the vacancy was first received, kept across
	 * revisions.
	 */
	private @Nullable LocalDate postedAt(Vacancy vacancy, @Nullable PublishedVacancy current) {
		if (vacancy.postedAt() != null) {
			return vacancy.postedAt();
		}
		if (current != null && current.vacancy().postedAt() != null) {
			return current.vacancy().postedAt();
		}
		return LocalDate.ofInstant(this.clock.instant(), LONDON);
	}

}

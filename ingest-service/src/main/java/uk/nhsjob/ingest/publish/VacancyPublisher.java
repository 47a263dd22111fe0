package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.VacancyStatus;

/**
 * Publishes each new or changed vacancy as its next revision: revision 1 for a new one,
 * one more for a changed one, nothing for an unchanged re-push; and a closed vacancy as
 * its next revision with status {@code CLOSED}. Every id is the source's own: a source
 * can only ever touch {@code {sourceId}:…}.
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

	private final PublicationCheckpoints checkpoints;

	VacancyPublisher(PublishedVacancies publishedVacancies, OutboxSender sender, SourceLocks locks, Clock clock,
			ObjectProvider<PublicationCheckpoints> checkpoints) {
		this.publishedVacancies = publishedVacancies;
		this.sender = sender;
		this.locks = locks;
		this.clock = clock;
		this.checkpoints = checkpoints.getIfAvailable(() -> PublicationCheckpoints.NONE);
	}

	/**
	 * A delta: the vacancies given are added or updated; no other is touched.
	 * @param vacancies normalised vacancies of one source, one per id, revision not set
	 */
	public Publication publish(String sourceId, List<Vacancy> vacancies) {
		return publish(sourceId, vacancies, false, Set.of());
	}

	/**
	 * A snapshot: the vacancies given are added or updated, and the source's other open
	 * vacancies are closed, except those named in {@code keep} (rejected for their
	 * content, so they keep their state).
	 * @param keep external ids of the source's vacancies not to close
	 */
	public Publication publishSnapshot(String sourceId, List<Vacancy> vacancies, Set<String> keep) {
		return publish(sourceId, vacancies, true, keep);
	}

	/** The source's open vacancies, as last stored, by id. */
	public List<Vacancy> openVacancies(String sourceId) {
		return this.publishedVacancies.findBySourceIdAndStatusOrderByIdAsc(sourceId, VacancyStatus.OPEN)
			.stream()
			.map(PublishedVacancy::vacancy)
			.toList();
	}

	/**
	 * Closes one vacancy of a source.
	 * @return empty when the source never published it
	 */
	public Optional<Publication> close(String sourceId, String externalId) {
		return this.locks.withLock(sourceId, () -> {
			Optional<PublishedVacancy> current = this.publishedVacancies.findById(Vacancy.idOf(sourceId, externalId));
			if (current.isEmpty()) {
				return Optional.empty();
			}
			List<PublishedVacancy> due = new ArrayList<>();
			closeRevision(current.get()).ifPresent(due::add);
			return Optional.of(send(due, 0, due.size()));
		});
	}

	private Publication publish(String sourceId, List<Vacancy> vacancies, boolean snapshot, Set<String> keep) {
		for (Vacancy vacancy : vacancies) {
			if (!vacancy.sourceId().equals(sourceId)
					|| !vacancy.id().equals(Vacancy.idOf(sourceId, vacancy.externalId()))) {
				throw new IllegalArgumentException("vacancy " + vacancy.id() + " is not one of " + sourceId + "'s");
			}
		}
		return this.locks.withLock(sourceId, () -> {
			List<PublishedVacancy> due = new ArrayList<>();
			Set<String> given = new HashSet<>();
			int unchanged = 0;
			for (Vacancy vacancy : vacancies) {
				given.add(vacancy.id());
				Optional<PublishedVacancy> revision = recordRevision(vacancy);
				if (revision.isPresent()) {
					due.add(revision.get());
				}
				else {
					unchanged++;
				}
			}
			int changed = due.size();
			if (snapshot) {
				for (PublishedVacancy open : this.publishedVacancies.findBySourceIdAndStatusOrderByIdAsc(sourceId,
						VacancyStatus.OPEN)) {
					if (!given.contains(open.id()) && !keep.contains(open.vacancy().externalId())) {
						closeRevision(open).ifPresent(due::add);
					}
				}
			}
			return send(due, unchanged, changed);
		});
	}

	/**
	 * Sends what is due; the first {@code changed} are new or changed, the rest closes.
	 */
	private Publication send(List<PublishedVacancy> due, int unchanged, int changed) {
		this.checkpoints.stored(due.stream().map(PublishedVacancy::id).toList());
		List<String> acknowledged = this.sender.sendAndConfirm(due);
		Set<String> acknowledgedIds = Set.copyOf(acknowledged);
		int published = 0;
		int closed = 0;
		for (int i = 0; i < due.size(); i++) {
			if (acknowledgedIds.contains(due.get(i).id())) {
				if (i < changed) {
					published++;
				}
				else {
					closed++;
				}
			}
		}
		return new Publication(published, unchanged, closed, due.size() - acknowledged.size());
	}

	/**
	 * Stores the vacancy's next revision, pending publication; empty when it says what
	 * its latest revision says.
	 */
	private Optional<PublishedVacancy> recordRevision(Vacancy vacancy) {
		return withRetries(() -> {
			PublishedVacancy current = this.publishedVacancies.findById(vacancy.id()).orElse(null);
			Vacancy candidate = Vacancies.with(vacancy, 0, postedAt(vacancy, current));
			return store(candidate, current);
		});
	}

	/** Stores a closed revision of an open vacancy; empty when it is closed already. */
	private Optional<PublishedVacancy> closeRevision(PublishedVacancy open) {
		return withRetries(() -> {
			PublishedVacancy current = this.publishedVacancies.findById(open.id()).orElse(open);
			return store(Vacancies.closed(current.vacancy(), 0), current);
		});
	}

	/** Stores the candidate as the next revision unless the current one says the same. */
	private Optional<PublishedVacancy> store(Vacancy candidate, @Nullable PublishedVacancy current) {
		String contentHash = ContentHashes.of(candidate);
		if (current != null && current.contentHash().equals(contentHash)) {
			// still pending: an earlier push of the same content was not acknowledged
			return current.pendingPublication() ? Optional.of(current) : Optional.empty();
		}
		long revision = (current != null) ? current.revision() + 1 : 1;
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return Optional.of(this.publishedVacancies.save(PublishedVacancy
			.pending(Vacancies.with(candidate, revision, candidate.postedAt()), contentHash, now, current)));
	}

	private Optional<PublishedVacancy> withRetries(Supplier<Optional<PublishedVacancy>> write) {
		for (int attempt = 1;; attempt++) {
			try {
				return write.get();
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

package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.VacancyStatus;

/**
 * Publishes each new or changed vacancy as its next revision: revision 1 for a new one,
 * one more for a changed one, nothing for an unchanged re-push; and a closed vacancy as
 * its next revision with status {@code CLOSED}. Every id is the source's own: a source
 * can only ever touch {@code {sourceId}:…}. Each new revision says which job it is a copy
 * of ({@link JobKeys}); an unchanged duplicate whose first copy has closed gets a new
 * revision that is no duplicate any more.
 * <p>
 * A feed costs one query for the source's state, then bulk writes and asynchronous sends
 * in batches (on a writer thread, while the feed's thread normalises the next), one wait
 * for the broker, and bulk updates of what it acknowledged (after the receipt).
 */
@Service
public class VacancyPublisher {

	private static final Logger log = LoggerFactory.getLogger(VacancyPublisher.class);

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final PublishedVacancies publishedVacancies;

	private final Outbox outbox;

	private final OutboxSender sender;

	private final SourceLeases leases;

	private final OutboxWriters writers;

	private final Clock clock;

	private final PublicationCheckpoints checkpoints;

	private final OpenVacancyCap cap;

	private final JobKeys jobs;

	VacancyPublisher(PublishedVacancies publishedVacancies, Outbox outbox, OutboxSender sender, SourceLeases leases,
			OutboxWriters writers, Clock clock, ObjectProvider<PublicationCheckpoints> checkpoints, OpenVacancyCap cap,
			JobKeys jobs) {
		this.cap = cap;
		this.jobs = jobs;
		this.writers = writers;
		this.publishedVacancies = publishedVacancies;
		this.outbox = outbox;
		this.sender = sender;
		this.leases = leases;
		this.clock = clock;
		this.checkpoints = checkpoints.getIfAvailable(() -> PublicationCheckpoints.NONE);
	}

	/**
	 * A delta: the vacancies given are added or updated; no other is touched.
	 * @throws TooManyOpenVacanciesException when it would leave the source more open
	 * vacancies than its cap; nothing of it is stored
	 */
	public Publication publish(String sourceId, VacancyFeed vacancies) {
		return publish(sourceId, vacancies, null);
	}

	/**
	 * A snapshot: the vacancies given are added or updated, and the source's other open
	 * vacancies are closed, except those named in {@code keep} (rejected for their
	 * content, so they keep their state).
	 * @param keep external ids of the source's vacancies not to close, asked for once
	 * every vacancy was handed on
	 * @throws TooManyOpenVacanciesException when it would leave the source more open
	 * vacancies than its cap; nothing of it is stored
	 */
	public Publication publishSnapshot(String sourceId, VacancyFeed vacancies, Supplier<Set<String>> keep) {
		return publish(sourceId, vacancies, keep);
	}

	/** The source's open vacancies, as last stored, by id. */
	public List<Vacancy> openVacancies(String sourceId) {
		return this.publishedVacancies.findBySourceIdAndStatusOrderByIdAsc(sourceId, VacancyStatus.OPEN)
			.stream()
			.map(PublishedVacancy::vacancy)
			.toList();
	}

	/**
	 * Closes one vacancy of a source, under the source's lease.
	 * @return empty when the source never published it
	 * @throws SourceBusyException when another feed of the source held it past the wait
	 * @throws SourceLeaseLostException when the lease ran out and was taken meanwhile
	 */
	public Optional<Publication> close(String sourceId, String externalId) {
		SourceLease lease = this.leases.acquire(sourceId);
		try {
			Optional<PublishedVacancy> current = this.publishedVacancies.findById(Vacancy.idOf(sourceId, externalId));
			if (current.isEmpty()) {
				return Optional.empty();
			}
			OutboxBatch batch = new OutboxBatch(this.outbox, this.sender.start(), this.checkpoints,
					this.writers.threads(), lease);
			try {
				closeRevision(current.get(), batch);
			}
			catch (RuntimeException | Error ex) {
				batch.abandon();
				throw ex;
			}
			List<SentRevision> acknowledged = batch.confirm();
			this.outbox.markPublished(acknowledged);
			return Optional.of(new Publication(0, 0, acknowledged.size(), batch.due() - acknowledged.size()));
		}
		finally {
			lease.release();
		}
	}

	/**
	 * Holds the source's lease from reading its state until the pending flags of what the
	 * broker acknowledged are cleared, which happens after the receipt has gone, on a
	 * writer thread: the next feed of the source, on any instance, waits for it. A
	 * process dying before the flags are cleared leaves them to the relay, which sends
	 * those revisions again under the same event ids, and its lease to run out.
	 * @throws SourceBusyException when another feed held the lease past the wait
	 * @throws SourceLeaseLostException when the lease ran out and was taken meanwhile
	 * @throws TooManyOpenVacanciesException when the feed would pass the source's cap
	 */
	private Publication publish(String sourceId, VacancyFeed vacancies, @Nullable Supplier<Set<String>> keep) {
		SourceLease lease = this.leases.acquire(sourceId);
		boolean handedOver = false;
		try {
			Map<String, VacancyState> states = this.outbox.statesOf(sourceId);
			this.cap.check(sourceId, states, vacancies, keep);
			OutboxBatch batch = new OutboxBatch(this.outbox, this.sender.start(), this.checkpoints,
					this.writers.threads(), lease);
			Set<String> given = new HashSet<>();
			int[] unchanged = { 0 };
			Set<String> closing;
			NewVacancies newVacancies = new NewVacancies(batch);
			try {
				vacancies.forEach((vacancy) -> {
					checkOwnership(sourceId, vacancy);
					if (!given.add(vacancy.id())) {
						throw new IllegalArgumentException("vacancy " + vacancy.id() + " was handed on twice");
					}
					if (!nextRevision(vacancy, states.get(vacancy.id()), batch, newVacancies)) {
						unchanged[0]++;
					}
				});
				newVacancies.store();
				closing = (keep != null) ? closeTheRest(sourceId, states, given, keep.get(), batch) : Set.of();
			}
			catch (RuntimeException | Error ex) {
				batch.abandon();
				throw ex;
			}
			List<SentRevision> acknowledged = batch.confirm();
			handedOver = markPublishedThenRelease(acknowledged, lease);
			int closed = (int) acknowledged.stream().map(SentRevision::vacancyId).filter(closing::contains).count();
			return new Publication(acknowledged.size() - closed, unchanged[0], closed,
					batch.due() - acknowledged.size());
		}
		finally {
			if (!handedOver) {
				lease.release();
			}
		}
	}

	/**
	 * Clears the pending flags on a writer thread, which then releases the source.
	 * @return false when it could not be handed over (none to clear, or shutting down:
	 * the relay sends those again after a restart), so the caller releases the source
	 */
	private boolean markPublishedThenRelease(List<SentRevision> acknowledged, SourceLease lease) {
		if (acknowledged.isEmpty()) {
			return false;
		}
		try {
			this.writers.threads().execute(() -> {
				try {
					this.outbox.markPublished(acknowledged);
				}
				catch (RuntimeException ex) {
					log.warn("Could not clear the pending flags of {} acknowledged vacancy revisions; the relay will "
							+ "send them again: {}", acknowledged.size(), ex.getMessage());
				}
				finally {
					lease.release();
				}
			});
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	private static void checkOwnership(String sourceId, Vacancy vacancy) {
		if (!vacancy.sourceId().equals(sourceId)
				|| !vacancy.id().equals(Vacancy.idOf(sourceId, vacancy.externalId()))) {
			throw new IllegalArgumentException("vacancy " + vacancy.id() + " is not one of " + sourceId + "'s");
		}
	}

	/**
	 * Hands the vacancy's next revision to the batch, or its pending one again.
	 * @return false when it says what its latest revision, acknowledged, says
	 */
	private boolean nextRevision(Vacancy vacancy, @Nullable VacancyState current, OutboxBatch batch,
			NewVacancies newVacancies) {
		Vacancy candidate = Vacancies.ofJob(Vacancies.with(vacancy, 0, postedAt(vacancy, current)), null, null);
		String contentHash = ContentHashes.of(candidate);
		if (current == null && candidate.isOpen()) {
			newVacancies.add(candidate, contentHash);
			return true;
		}
		if (current != null && current.contentHash().equals(contentHash)) {
			if (current.pendingPublication()) {
				// pushed before but not acknowledged: send the same event again
				batch.resend(current
					.stillPending(Vacancies.ofJob(Vacancies.with(candidate, current.revision(), candidate.postedAt()),
							current.duplicateOf(), current.jobId())));
				return true;
			}
			if (current.duplicateOf() == null || !this.jobs.firstClosed(current.duplicateOf())) {
				return false;
			}
			// a duplicate whose first copy closed: its next revision says so
		}
		JobKeys.Job job = jobOf(candidate, current);
		long revision = (current != null) ? current.revision() + 1 : 1;
		batch.store(PublishedVacancy.pending(Vacancies.ofJob(Vacancies.with(candidate, revision, candidate.postedAt()),
				job.duplicateOf(), job.jobId()), contentHash, now(), (current != null) ? current.publishedAt() : null));
		return true;
	}

	/**
	 * The job of a vacancy's new revision (docs/normalisation.md, "The same job from two
	 * sources"): its job id is kept across revisions unless it becomes another's
	 * duplicate.
	 */
	private JobKeys.Job jobOf(Vacancy candidate, @Nullable VacancyState current) {
		String earlierJobId = (current != null) ? current.jobId() : null;
		if (!candidate.isOpen()) {
			this.jobs.release(candidate.id());
			return new JobKeys.Job(null, (earlierJobId != null) ? earlierJobId : candidate.id());
		}
		return this.jobs.decide(candidate, earlierJobId, current != null);
	}

	/**
	 * A snapshot's closes: the source's open vacancies it neither gave nor rejected.
	 * @return the ids handed to the batch
	 */
	private Set<String> closeTheRest(String sourceId, Map<String, VacancyState> states, Set<String> given,
			Set<String> keep, OutboxBatch batch) {
		Set<String> closing = new HashSet<>();
		for (VacancyState state : states.values()) {
			String externalId = state.id().substring(sourceId.length() + 1);
			if (state.status() == VacancyStatus.OPEN && !given.contains(state.id()) && !keep.contains(externalId)) {
				closing.add(state.id());
			}
		}
		for (PublishedVacancy open : this.outbox.findAll(closing)) {
			closeRevision(open, batch);
		}
		return closing;
	}

	/**
	 * Hands on a closed revision of an open vacancy; nothing when it is closed already.
	 */
	private void closeRevision(PublishedVacancy current, OutboxBatch batch) {
		// another source's copy may take the job's keys over from now on
		this.jobs.release(current.id());
		Vacancy closed = Vacancies.closed(current.vacancy(), 0);
		String contentHash = ContentHashes.of(closed);
		if (current.contentHash().equals(contentHash)) {
			if (current.pendingPublication()) {
				batch.resend(current);
			}
			return;
		}
		batch.store(PublishedVacancy.pending(Vacancies.closed(current.vacancy(), current.revision() + 1), contentHash,
				now(), current.publishedAt()));
	}

	/**
	 * A feed's new open vacancies, waiting for their jobs to be decided a batch at a time
	 * ({@link JobKeys#decideNew}), then handed to the outbox batch as revision 1.
	 */
	private final class NewVacancies {

		private final OutboxBatch batch;

		private final List<Vacancy> waiting = new ArrayList<>();

		private final Map<String, String> contentHashes = new HashMap<>();

		NewVacancies(OutboxBatch batch) {
			this.batch = batch;
		}

		void add(Vacancy candidate, String contentHash) {
			this.waiting.add(candidate);
			this.contentHashes.put(candidate.id(), contentHash);
			if (this.waiting.size() >= VacancyPublisher.this.outbox.batchSize()) {
				store();
			}
		}

		void store() {
			if (this.waiting.isEmpty()) {
				return;
			}
			Map<String, JobKeys.Job> jobs = VacancyPublisher.this.jobs.decideNew(this.waiting);
			for (Vacancy candidate : this.waiting) {
				JobKeys.Job job = jobs.get(candidate.id());
				this.batch
					.store(PublishedVacancy.pending(Vacancies.ofJob(Vacancies.with(candidate, 1, candidate.postedAt()),
							job.duplicateOf(), job.jobId()), this.contentHashes.get(candidate.id()), now(), null));
			}
			this.waiting.clear();
			this.contentHashes.clear();
		}

	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * The feed's date, else the day the vacancy was first received, kept across
	 * revisions.
	 */
	private @Nullable LocalDate postedAt(Vacancy vacancy, @Nullable VacancyState current) {
		if (vacancy.postedAt() != null) {
			return vacancy.postedAt();
		}
		if (current != null && current.postedAt() != null) {
			return current.postedAt();
		}
		return LocalDate.ofInstant(this.clock.instant(), LONDON);
	}

}

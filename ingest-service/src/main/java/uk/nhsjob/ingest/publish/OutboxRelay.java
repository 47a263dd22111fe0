package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import uk.nhsjob.ingest.IngestSettings;
import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.platform.background.Dependency;

/**
 * Sends again every revision still pending publication: at startup, all of them (the
 * previous run may have died between storing and sending); then, on a schedule, those
 * pending for longer than a feed waits for its acknowledgements.
 * <p>
 * Any number of instances relay at once: each source's pending revisions are sent under
 * the source's lease ({@link SourceLeases}), the one its feeds take, so only one relay or
 * feed sends a source's revisions at a time, and it re-reads them under the lease, so it
 * sends only the latest revision of each vacancy. A source whose lease is held is left to
 * its holder until the next round. While MongoDB or the broker is away, the relay tries
 * again with back-off, up to the retry interval, for as long as it lasts, and reports
 * itself behind in the {@code background} health group.
 */
@Component
class OutboxRelay implements SchedulingConfigurer {

	static final String READER = "ingest.outbox-relay";

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private final PublishedVacancies publishedVacancies;

	private final Outbox outbox;

	private final OutboxSender sender;

	private final SourceLeases leases;

	private final Clock clock;

	private final IngestSettings.Outbox settings;

	private final BackgroundReader reader;

	private final ExponentialBackOff backOff;

	private volatile boolean started;

	private volatile Duration nextDelay = Duration.ZERO;

	private BackOffExecution failures;

	OutboxRelay(PublishedVacancies publishedVacancies, Outbox outbox, OutboxSender sender, SourceLeases leases,
			Clock clock, IngestSettings settings, BackgroundReaders readers) {
		this.publishedVacancies = publishedVacancies;
		this.outbox = outbox;
		this.sender = sender;
		this.leases = leases;
		this.clock = clock;
		this.settings = settings.outbox();
		this.reader = readers.register(READER);
		this.backOff = new ExponentialBackOff(
				Math.min(FIRST_RETRY.toMillis(), this.settings.retryInterval().toMillis()), 2.0);
		this.backOff.setMaxInterval(this.settings.retryInterval().toMillis());
		this.failures = this.backOff.start();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addTriggerTask(this::relay, new Trigger() {

			@Override
			public Instant nextExecution(TriggerContext context) {
				Instant last = context.lastCompletion();
				return (last != null) ? last.plus(OutboxRelay.this.nextDelay) : context.getClock().instant();
			}

		});
	}

	private void relay() {
		Instant now = this.clock.instant();
		Instant cutoff = this.started ? now.minus(this.settings.retryAfter()) : now;
		try {
			Round round = republishPendingBefore(cutoff);
			this.started = true;
			if (round.complete()) {
				this.reader.caughtUp();
			}
			else {
				this.reader.behind(round.left() + " revisions pending publication are not acknowledged yet",
						Dependency.KAFKA);
			}
			this.failures = this.backOff.start();
			this.nextDelay = this.settings.retryInterval();
		}
		catch (RuntimeException ex) {
			// the first failure of a run here, then the reader's fault line once a
			// minute (docs/operations.md, "Logs")
			boolean first = this.reader.state() != BackgroundReader.State.FAILING;
			this.reader.failed(ex);
			this.nextDelay = Duration.ofMillis(this.failures.nextBackOff());
			if (first) {
				log.warn("Could not republish pending vacancies; will try again in {}: {}", this.nextDelay,
						ex.getMessage());
			}
			else {
				log.debug("Could not republish pending vacancies; will try again in {}: {}", this.nextDelay,
						ex.getMessage());
			}
		}
	}

	/**
	 * Sends the oldest pending revisions (at most 500), source by source, each under its
	 * source's lease.
	 */
	Round republishPendingBefore(Instant cutoff) {
		List<PublishedVacancy> pending = this.publishedVacancies
			.findTop500ByPendingPublicationTrueAndPendingSinceBeforeOrderByPendingSinceAsc(cutoff);
		if (pending.isEmpty()) {
			return new Round(0, 0);
		}
		Map<String, List<PublishedVacancy>> bySource = pending.stream()
			.collect(Collectors.groupingBy(PublishedVacancy::sourceId, LinkedHashMap::new, Collectors.toList()));
		Round round = new Round(0, 0);
		for (Map.Entry<String, List<PublishedVacancy>> source : bySource.entrySet()) {
			round = round.plus(relaySource(source.getKey(), source.getValue()));
		}
		log.info("Republished {} of {} vacancy revisions pending publication", round.acknowledged(), pending.size());
		return round;
	}

	/**
	 * Sends the source's revisions that are still pending under its lease; nothing when a
	 * feed or another relay holds it (that holder sends them).
	 */
	private Round relaySource(String sourceId, List<PublishedVacancy> revisions) {
		Optional<SourceLease> held = this.leases.tryAcquire(sourceId);
		if (held.isEmpty()) {
			return new Round(0, 0);
		}
		SourceLease lease = held.get();
		try {
			List<PublishedVacancy> stillPending = stillPending(revisions);
			int acknowledged = this.sender.sendAndConfirm(stillPending, lease).size();
			return new Round(acknowledged, stillPending.size() - acknowledged);
		}
		catch (SourceLeaseLostException ex) {
			log.warn("Stopped relaying source {}: {}", sourceId, ex.getMessage());
			return new Round(0, revisions.size());
		}
		finally {
			lease.release();
		}
	}

	/**
	 * Read again under the lease: a feed may have published them, or written a newer
	 * revision, which is the one to send.
	 */
	private List<PublishedVacancy> stillPending(List<PublishedVacancy> revisions) {
		return this.outbox.findAll(revisions.stream().map(PublishedVacancy::id).toList())
			.stream()
			.filter(PublishedVacancy::pendingPublication)
			.toList();
	}

	/**
	 * One round of the relay.
	 *
	 * @param acknowledged revisions the broker acknowledged
	 * @param left revisions of the sources relayed still pending after it (a source whose
	 * lease was held is left to its holder, and not counted)
	 */
	record Round(int acknowledged, int left) {

		boolean complete() {
			return this.left == 0;
		}

		Round plus(Round other) {
			return new Round(this.acknowledged + other.acknowledged, this.left + other.left);
		}

	}

}

package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import uk.nhsjob.ingest.IngestSettings;

/**
 * Sends again every revision still pending publication: at startup, all of them (the
 * previous run may have died between storing and sending); then, on a schedule, those
 * pending for longer than a feed waits for its acknowledgements.
 */
@Component
class OutboxRelay implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final PublishedVacancies publishedVacancies;

	private final Outbox outbox;

	private final OutboxSender sender;

	private final SourceLocks locks;

	private final Clock clock;

	private final IngestSettings.Outbox settings;

	private volatile boolean started;

	OutboxRelay(PublishedVacancies publishedVacancies, Outbox outbox, OutboxSender sender, SourceLocks locks,
			Clock clock, IngestSettings settings) {
		this.publishedVacancies = publishedVacancies;
		this.outbox = outbox;
		this.sender = sender;
		this.locks = locks;
		this.clock = clock;
		this.settings = settings.outbox();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::relay, this.settings.retryInterval(), Duration.ZERO));
	}

	private void relay() {
		Instant now = this.clock.instant();
		Instant cutoff = this.started ? now.minus(this.settings.retryAfter()) : now;
		this.started = true;
		try {
			republishPendingBefore(cutoff);
		}
		catch (RuntimeException ex) {
			log.warn("Could not republish pending vacancies; will try again in {}: {}", this.settings.retryInterval(),
					ex.getMessage());
		}
	}

	/**
	 * @return how many pending revisions the broker acknowledged
	 */
	int republishPendingBefore(Instant cutoff) {
		List<PublishedVacancy> pending = this.publishedVacancies
			.findTop500ByPendingPublicationTrueAndPendingSinceBeforeOrderByPendingSinceAsc(cutoff);
		if (pending.isEmpty()) {
			return 0;
		}
		Map<String, List<PublishedVacancy>> bySource = pending.stream()
			.collect(Collectors.groupingBy(PublishedVacancy::sourceId, LinkedHashMap::new, Collectors.toList()));
		int acknowledged = 0;
		for (Map.Entry<String, List<PublishedVacancy>> source : bySource.entrySet()) {
			acknowledged += this.locks.withLock(source.getKey(),
					() -> this.sender.sendAndConfirm(stillPending(source.getValue())).size());
		}
		log.info("Republished {} of {} vacancy revisions pending publication", acknowledged, pending.size());
		return acknowledged;
	}

	/** Read again under the lock: a feed may have published them or a newer revision. */
	private List<PublishedVacancy> stillPending(List<PublishedVacancy> revisions) {
		return this.outbox.findAll(revisions.stream().map(PublishedVacancy::id).toList())
			.stream()
			.filter(PublishedVacancy::pendingPublication)
			.toList();
	}

}

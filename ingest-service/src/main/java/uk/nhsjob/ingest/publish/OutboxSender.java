package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.ingest.IngestSettings;

/**
 * Sends pending revisions, waits for the broker to acknowledge them, and clears the
 * pending flag of each one it acknowledged. What was not acknowledged stays pending for
 * {@link OutboxRelay}.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final KafkaTemplate<String, VacancyPublished> kafka;

	private final MongoOperations mongo;

	private final Clock clock;

	private final Duration sendTimeout;

	private final PublicationCheckpoints checkpoints;

	OutboxSender(KafkaTemplate<String, VacancyPublished> kafka, MongoOperations mongo, Clock clock,
			IngestSettings settings, ObjectProvider<PublicationCheckpoints> checkpoints) {
		this.kafka = kafka;
		this.mongo = mongo;
		this.clock = clock;
		this.sendTimeout = settings.outbox().sendTimeout();
		this.checkpoints = checkpoints.getIfAvailable(() -> PublicationCheckpoints.NONE);
	}

	/**
	 * @return the ids of the revisions the broker acknowledged
	 */
	List<String> sendAndConfirm(List<PublishedVacancy> pending) {
		List<CompletableFuture<SendResult<String, VacancyPublished>>> sends = new ArrayList<>();
		for (PublishedVacancy revision : pending) {
			try {
				sends.add(this.kafka.send(Topics.VACANCIES, revision.id(), revision.event()));
			}
			catch (RuntimeException ex) {
				// the producer could not take it (no metadata in time): nor the rest
				log.warn("Could not send {} revision {}: {}", revision.id(), revision.revision(), ex.getMessage());
				break;
			}
		}
		long deadline = System.nanoTime() + this.sendTimeout.toNanos();
		List<PublishedVacancy> acknowledged = new ArrayList<>();
		@Nullable String firstFailure = null;
		for (int i = 0; i < sends.size(); i++) {
			String failure = awaitAcknowledgement(sends.get(i), deadline);
			if (failure == null) {
				acknowledged.add(pending.get(i));
			}
			else if (firstFailure == null) {
				firstFailure = failure;
			}
		}
		this.checkpoints.acknowledged(acknowledged.stream().map(PublishedVacancy::id).toList());
		acknowledged.forEach(this::markPublished);
		if (acknowledged.size() < pending.size()) {
			log.warn("The broker acknowledged {} of {} vacancy revisions; the rest stay pending ({})",
					acknowledged.size(), pending.size(), (firstFailure != null) ? firstFailure : "not sent");
		}
		return acknowledged.stream().map(PublishedVacancy::id).toList();
	}

	/**
	 * @return null when acknowledged, else why not
	 */
	private @Nullable String awaitAcknowledgement(CompletableFuture<?> send, long deadline) {
		try {
			send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			return null;
		}
		catch (ExecutionException ex) {
			return String.valueOf(ex.getCause().getMessage());
		}
		catch (TimeoutException ex) {
			return "no acknowledgement within " + this.sendTimeout;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	/** Only this revision: a newer one written meanwhile stays pending. */
	private void markPublished(PublishedVacancy revision) {
		Query sameRevision = Query.query(Criteria.where("id")
			.is(revision.id())
			.and("revision")
			.is(revision.revision())
			.and("pendingPublication")
			.is(true));
		Update published = new Update().set("pendingPublication", false)
			.set("publishedAt", this.clock.instant())
			.unset("pendingSince");
		this.mongo.updateFirst(sameRevision, published, PublishedVacancy.class);
	}

}

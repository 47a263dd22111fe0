package uk.nhsjob.ingest.publish;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.ingest.IngestSettings;

/**
 * Sends pending revisions without waiting for each one, then waits once for the broker to
 * acknowledge them all. What was not acknowledged stays pending for {@link OutboxRelay}.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final KafkaTemplate<String, VacancyPublished> kafka;

	private final Outbox outbox;

	private final Duration sendTimeout;

	private final PublicationCheckpoints checkpoints;

	OutboxSender(KafkaTemplate<String, VacancyPublished> kafka, Outbox outbox, IngestSettings settings,
			ObjectProvider<PublicationCheckpoints> checkpoints) {
		this.kafka = kafka;
		this.outbox = outbox;
		this.sendTimeout = settings.outbox().sendTimeout();
		this.checkpoints = checkpoints.getIfAvailable(() -> PublicationCheckpoints.NONE);
	}

	/**
	 * Sends these stored revisions under the source's lease, waits for them and clears
	 * the pending flag of those the broker acknowledged (while still the latest).
	 * @return the revisions the broker acknowledged
	 * @throws SourceLeaseLostException when the lease ran out and was taken: nothing is
	 * sent
	 */
	List<SentRevision> sendAndConfirm(List<PublishedVacancy> pending, SourceLease lease) {
		lease.ensureHeld();
		Sending sending = start();
		sending.send(pending);
		List<SentRevision> acknowledged = sending.awaitAcknowledgements();
		this.outbox.markPublished(acknowledged);
		return acknowledged;
	}

	/** A round of sends, confirmed together. Not thread-safe: one feed's thread. */
	Sending start() {
		return new Sending();
	}

	final class Sending {

		private final Acknowledgements acknowledgements = new Acknowledgements();

		private int sent;

		private int refused;

		private Sending() {
		}

		/** Sends stored revisions; once the producer refuses one, it sends no more. */
		void send(List<PublishedVacancy> revisions) {
			for (PublishedVacancy revision : revisions) {
				if (this.refused > 0) {
					this.refused++;
					continue;
				}
				this.acknowledgements.sent();
				try {
					OutboxSender.this.kafka.send(Topics.VACANCIES, revision.id(), revision.event())
						.whenComplete((result, failure) -> answered(SentRevision.of(revision), failure));
					this.sent++;
				}
				catch (RuntimeException ex) {
					// the producer could not take it (no metadata in time): nor the rest
					log.warn("Could not send {} revision {}: {}", revision.id(), revision.revision(), ex.getMessage());
					this.acknowledgements.failed("not sent: " + ex.getMessage());
					this.refused++;
				}
			}
		}

		private void answered(SentRevision revision, @Nullable Throwable failure) {
			if (failure == null) {
				this.acknowledgements.acknowledged(revision);
			}
			else {
				this.acknowledgements.failed(String.valueOf(failure.getMessage()));
			}
		}

		/**
		 * Waits (at most the send timeout) for every send. Their pending flags are still
		 * set: the caller clears them ({@link Outbox#markPublished}).
		 * @return the revisions the broker acknowledged
		 */
		List<SentRevision> awaitAcknowledgements() {
			Acknowledgements.Result result;
			try {
				result = this.acknowledgements.await(System.nanoTime() + OutboxSender.this.sendTimeout.toNanos());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				result = new Acknowledgements.Result(List.of(), "interrupted");
			}
			List<SentRevision> acknowledged = result.acknowledged();
			OutboxSender.this.checkpoints.acknowledged(acknowledged.stream().map(SentRevision::vacancyId).toList());
			int due = this.sent + this.refused;
			if (acknowledged.size() < due) {
				log.warn("The broker acknowledged {} of {} vacancy revisions; the rest stay pending ({})",
						acknowledged.size(), due, (result.firstFailure() != null) ? result.firstFailure() : "not sent");
			}
			return acknowledged;
		}

	}

}

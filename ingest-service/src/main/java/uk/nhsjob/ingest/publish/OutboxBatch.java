package uk.nhsjob.ingest.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * The revisions of one publication on their way out, a batch at a time: each batch is
 * stored, pending, before any of it is sent, so that a process dying at any point leaves
 * nothing sent that is not stored, and nothing stored that the relay will not send.
 */
final class OutboxBatch {

	private final Outbox outbox;

	private final OutboxSender.Sending sending;

	private final PublicationCheckpoints checkpoints;

	/** New revisions, to store and then send. */
	private final List<PublishedVacancy> toStore = new ArrayList<>();

	/** Revisions stored already, still pending, to send again. */
	private final List<PublishedVacancy> toResend = new ArrayList<>();

	private int due;

	OutboxBatch(Outbox outbox, OutboxSender.Sending sending, PublicationCheckpoints checkpoints) {
		this.outbox = outbox;
		this.sending = sending;
		this.checkpoints = checkpoints;
	}

	void store(PublishedVacancy revision) {
		this.toStore.add(revision);
		added();
	}

	void resend(PublishedVacancy pending) {
		this.toResend.add(pending);
		added();
	}

	/** How many revisions were handed in, sent or not. */
	int due() {
		return this.due;
	}

	/** Stores and sends what is left, then waits for the broker: the acknowledged ids. */
	List<String> confirm() {
		flush();
		return this.sending.confirm();
	}

	private void added() {
		this.due++;
		if (this.toStore.size() + this.toResend.size() >= this.outbox.batchSize()) {
			flush();
		}
	}

	private void flush() {
		this.outbox.store(this.toStore);
		List<PublishedVacancy> stored = new ArrayList<>(this.toStore);
		stored.addAll(this.toResend);
		this.toStore.clear();
		this.toResend.clear();
		if (stored.isEmpty()) {
			return;
		}
		this.checkpoints.stored(stored.stream().map(PublishedVacancy::id).toList());
		this.sending.send(stored);
	}

}

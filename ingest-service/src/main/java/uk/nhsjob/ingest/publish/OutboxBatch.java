package uk.nhsjob.ingest.publish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The revisions of one publication on their way out, a batch at a time: each batch is
 * stored, pending, before any of it is sent, so that a process dying at any point leaves
 * nothing sent that is not stored, and nothing stored that the relay will not send.
 * <p>
 * A writer thread stores and sends the batches, one after the other and in order, while
 * the caller goes on to the next; once one fails, none after it is stored or sent. At
 * most two batches wait for the writer, so memory stays bounded.
 */
final class OutboxBatch {

	private static final int WAITING_AT_MOST = 2;

	private final Outbox outbox;

	private final OutboxSender.Sending sending;

	private final PublicationCheckpoints checkpoints;

	private final Executor writer;

	private final SourceLease lease;

	/** New revisions, to store and then send. */
	private List<PublishedVacancy> toStore = new ArrayList<>();

	/** Revisions stored already, still pending, to send again. */
	private List<PublishedVacancy> toResend = new ArrayList<>();

	private final Deque<CompletableFuture<Void>> writing = new ArrayDeque<>();

	private CompletableFuture<Void> lastWritten = CompletableFuture.completedFuture(null);

	private int due;

	OutboxBatch(Outbox outbox, OutboxSender.Sending sending, PublicationCheckpoints checkpoints, Executor writer,
			SourceLease lease) {
		this.outbox = outbox;
		this.lease = lease;
		this.sending = sending;
		this.checkpoints = checkpoints;
		this.writer = writer;
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

	/**
	 * Stores and sends what is left, waits until every batch is, then waits for the
	 * broker. Their pending flags are still set.
	 * @return the revisions the broker acknowledged
	 * @throws RuntimeException what a batch failed with, when one did
	 */
	List<SentRevision> confirm() {
		flush();
		awaitWritten(this.lastWritten);
		return this.sending.awaitAcknowledgements();
	}

	/**
	 * Waits for the writer to finish what it was given, however that ends, so that
	 * nothing of this publication is written after its caller lets go of the source's
	 * lease.
	 */
	void abandon() {
		try {
			this.lastWritten.join();
		}
		catch (CompletionException | CancellationException ex) {
			// the caller is failing already; what was stored stays pending for the relay
		}
	}

	private void added() {
		this.due++;
		if (this.toStore.size() + this.toResend.size() >= this.outbox.batchSize()) {
			flush();
		}
	}

	private void flush() {
		if (this.toStore.isEmpty() && this.toResend.isEmpty()) {
			return;
		}
		List<PublishedVacancy> store = this.toStore;
		List<PublishedVacancy> resend = this.toResend;
		this.toStore = new ArrayList<>();
		this.toResend = new ArrayList<>();
		this.lastWritten = this.lastWritten.thenRunAsync(() -> write(store, resend), this.writer);
		this.writing.addLast(this.lastWritten);
		while (this.writing.size() > WAITING_AT_MOST) {
			awaitWritten(this.writing.removeFirst());
		}
	}

	/**
	 * Checks the source's lease before storing and again before sending, so that a feed
	 * whose lease ran out and was taken neither writes nor sends anything more (a newer
	 * holder may have sent newer revisions of these vacancies).
	 */
	private void write(List<PublishedVacancy> store, List<PublishedVacancy> resend) {
		this.lease.ensureHeld();
		this.outbox.store(store, this.lease.fence());
		List<PublishedVacancy> stored = new ArrayList<>(store);
		stored.addAll(resend);
		this.checkpoints.stored(stored.stream().map(PublishedVacancy::id).toList());
		this.lease.ensureHeld();
		this.sending.send(stored);
	}

	private static void awaitWritten(CompletableFuture<Void> written) {
		try {
			written.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}

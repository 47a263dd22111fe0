package uk.nhsjob.ingest.feed;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import uk.nhsjob.ingest.normalise.FieldError;

/**
 * What the operator sees of each feed: one log line per feed (its id, source, mode,
 * content type, counts and duration, or why it was refused), with the feed id in the
 * logging context while it is taken in, and counters per source:
 * {@code nhsjob.ingest.vacancies{source, outcome}} for received, published, unchanged,
 * closed, rejected and pending vacancies, and {@code nhsjob.ingest.rejections{source,
 * reason}} with the field that made a vacancy be rejected as the reason (a bounded set:
 * the native field names).
 */
@Component
class FeedObservations {

	static final String VACANCIES = "nhsjob.ingest.vacancies";

	static final String REJECTIONS = "nhsjob.ingest.rejections";

	private static final Logger log = LoggerFactory.getLogger(FeedObservations.class);

	private final MeterRegistry meters;

	FeedObservations(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Takes in one feed under a new feed id, then counts and logs what became of it. A
	 * feed refused as a whole is logged with its status; one the broker has not fully
	 * acknowledged (503) is logged by its counts, pending included.
	 */
	FeedIntake.Outcome observe(String sourceId, FeedMode mode, @Nullable String contentType, Intake intake)
			throws IOException {
		String feedId = UUID.randomUUID().toString();
		long started = System.nanoTime();
		MDC.put("feedId", feedId);
		try {
			FeedIntake.Outcome outcome = intake.takeIn(feedId);
			Receipt receipt = outcome.receipt();
			record(sourceId, receipt, outcome.pending());
			log.info(
					"Feed {} from {}: mode {}, content type {}, received {}, published {}, unchanged {}, closed {}, "
							+ "rejected {}, pending {}, {} ms",
					feedId, sourceId, mode, contentType, receipt.received(), receipt.published(), receipt.unchanged(),
					receipt.closed(), receipt.rejected().size(), outcome.pending(),
					(System.nanoTime() - started) / 1_000_000);
			return outcome;
		}
		catch (ErrorResponseException ex) {
			if (ex.getStatusCode() != HttpStatus.SERVICE_UNAVAILABLE) {
				log.info("Feed {} from {}: mode {}, content type {}, refused {}: {}", feedId, sourceId, mode,
						contentType, ex.getStatusCode().value(), ex.getBody().getDetail());
			}
			throw ex;
		}
		finally {
			MDC.remove("feedId");
		}
	}

	/**
	 * One vacancy withdrawn by its source: counted as closed, and logged once published.
	 */
	void withdrawn(String sourceId, String externalId, int closed, boolean published) {
		count(sourceId, "closed", closed);
		if (published) {
			log.info("Vacancy {}:{} withdrawn by its source", sourceId, externalId);
		}
	}

	private void record(String sourceId, Receipt receipt, int pending) {
		count(sourceId, "received", receipt.received());
		count(sourceId, "published", receipt.published());
		count(sourceId, "unchanged", receipt.unchanged());
		count(sourceId, "closed", receipt.closed());
		count(sourceId, "rejected", receipt.rejected().size());
		count(sourceId, "pending", pending);
		for (Receipt.Rejection rejection : receipt.rejected()) {
			Set<String> reasons = new LinkedHashSet<>();
			rejection.errors().stream().map(FieldError::field).forEach(reasons::add);
			reasons
				.forEach((reason) -> this.meters.counter(REJECTIONS, "source", sourceId, "reason", reason).increment());
		}
	}

	private void count(String sourceId, String outcome, int amount) {
		this.meters.counter(VACANCIES, "source", sourceId, "outcome", outcome).increment(amount);
	}

	/** The taking in of one feed, given its id. */
	@FunctionalInterface
	interface Intake {

		FeedIntake.Outcome takeIn(String feedId) throws IOException;

	}

}

package uk.nhsjob.ingest.feed;

import java.util.LinkedHashSet;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

import uk.nhsjob.ingest.normalise.FieldError;

/**
 * Counters per source: {@code nhsjob.ingest.vacancies{source, outcome}} for received,
 * published, unchanged, closed, rejected and pending vacancies, and
 * {@code nhsjob.ingest.rejections{source, reason}} with the field that made a vacancy be
 * rejected as the reason (a bounded set: the native field names).
 */
@Component
class FeedMetrics {

	static final String VACANCIES = "nhsjob.ingest.vacancies";

	static final String REJECTIONS = "nhsjob.ingest.rejections";

	private final MeterRegistry meters;

	FeedMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void record(String sourceId, Receipt receipt, int pending) {
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

	void closed(String sourceId, int closed) {
		count(sourceId, "closed", closed);
	}

	private void count(String sourceId, String outcome, int amount) {
		this.meters.counter(VACANCIES, "source", sourceId, "outcome", outcome).increment(amount);
	}

}

package uk.nhsjob.ingest.pull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import uk.nhsjob.ingest.feed.PulledFeeds;
import uk.nhsjob.ingest.pull.fetch.Fetch;
import uk.nhsjob.ingest.pull.fetch.FetchFailedException;
import uk.nhsjob.ingest.pull.fetch.PullFormat;
import uk.nhsjob.ingest.pull.fetch.Validators;
import uk.nhsjob.ingest.source.RegisteredSource;
import uk.nhsjob.ingest.source.SourceDirectory;

/**
 * Runs one claimed pull: fetches its pages and takes them in as a feed of its source with
 * the pull's mode, then records what became of it and when it runs next. A {@code 304}
 * takes nothing in; a fetch that fails on any page, or a feed refused as a whole,
 * publishes and closes nothing and counts as a failure. Counted in
 * {@code nhsjob.ingest.pulls{source, outcome}}.
 */
class PullRunner {

	static final String PULLS = "nhsjob.ingest.pulls";

	private static final Logger log = LoggerFactory.getLogger(PullRunner.class);

	private final PullStore store;

	private final PageFetching fetching;

	private final PulledFeeds feeds;

	private final SourceDirectory sources;

	private final MeterRegistry meters;

	private final PullSettings settings;

	private final Clock clock;

	PullRunner(PullStore store, PageFetching fetching, PulledFeeds feeds, SourceDirectory sources, MeterRegistry meters,
			PullSettings settings, Clock clock) {
		this.store = store;
		this.fetching = fetching;
		this.feeds = feeds;
		this.sources = sources;
		this.meters = meters;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @throws DataAccessException when MongoDB could not record the outcome (the claim
	 * runs out and the pull is taken up again)
	 */
	void run(SourcePull pull) {
		Instant started = this.clock.instant();
		RegisteredSource source = this.sources.find(pull.sourceId()).orElse(null);
		if (source == null) {
			failed(pull, started, null, "The source is no longer registered.");
			return;
		}
		Fetch fetch;
		try {
			Validators known = new Validators(pull.etag(), pull.lastModified());
			fetch = this.fetching.fetch(URI.create(pull.url()), format(pull), known);
		}
		catch (FetchFailedException ex) {
			failed(pull, started, ex.httpStatus(), ex.reason());
			return;
		}
		catch (RuntimeException ex) {
			// a fault of this pull's own (an address the client cannot use, say), not of
			// the
			// service: counted like any failed fetch
			failed(pull, started, null, "Could not fetch the source: " + ex.getMessage());
			return;
		}
		if (fetch instanceof Fetch.NotModified notModified) {
			Validators kept = merge(notModified.validators(), pull);
			succeeded(pull, kept, new PullRecord(started, PullRecord.NOT_MODIFIED, HttpStatus.NOT_MODIFIED.value(),
					null, null, null));
			return;
		}
		Fetch.Pages pages = (Fetch.Pages) fetch;
		List<PulledFeeds.Page> feed = pages.pages()
			.stream()
			.map((page) -> new PulledFeeds.Page(page.body(), page.contentType()))
			.toList();
		PulledFeeds.Outcome outcome;
		try {
			outcome = this.feeds.takeIn(source, pull.mode(), feed);
		}
		catch (ErrorResponseException ex) {
			String why = "The feed was refused (" + ex.getStatusCode().value() + "): " + ex.getBody().getDetail();
			if (ex.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
				deferred(pull, started, pages.httpStatus(), why);
			}
			else {
				failed(pull, started, pages.httpStatus(), why);
			}
			return;
		}
		succeeded(pull, pages.validators(), new PullRecord(started, PullRecord.PUBLISHED, pages.httpStatus(),
				outcome.receipt(), outcome.pending(), null));
	}

	private void succeeded(SourcePull pull, Validators validators, PullRecord record) {
		Instant next = PullSchedule.afterSuccess(pull.sourceId(), every(pull), this.clock.instant());
		this.store.succeeded(pull, next, validators, record);
		count(pull, record.outcome());
		log.info("Pulled source {}: {}{}; next at {}", pull.sourceId(), record.outcome(),
				(record.receipt() != null) ? ", feed " + record.receipt().feedId() : "", next);
	}

	private void failed(SourcePull pull, Instant started, @Nullable Integer httpStatus, String why) {
		int failures = pull.failuresInARow() + 1;
		Instant now = this.clock.instant();
		Instant next = PullSchedule.afterFailure(every(pull), this.settings.firstRetry(), failures, now);
		String pausedReason = (failures >= this.settings.maxFailures())
				? "Paused after " + failures + " failed pulls in a row; the last: " + why : null;
		this.store.failed(pull, next, failures, pausedReason,
				new PullRecord(started, PullRecord.FAILED, httpStatus, null, null, why));
		count(pull, PullRecord.FAILED);
		if (pausedReason != null) {
			log.warn("Pull of source {} paused: {}", pull.sourceId(), pausedReason);
		}
		else {
			log.info("Pull of source {} failed ({} in a row), retried at {}: {}", pull.sourceId(), failures, next, why);
		}
	}

	private void deferred(SourcePull pull, Instant started, int httpStatus, String why) {
		Instant next = this.clock.instant().plus(this.settings.firstRetry());
		this.store.deferred(pull, next, new PullRecord(started, PullRecord.BUSY, httpStatus, null, null, why));
		count(pull, PullRecord.BUSY);
	}

	private void count(SourcePull pull, String outcome) {
		this.meters.counter(PULLS, "source", pull.sourceId(), "outcome", outcome).increment();
	}

	/** A validator the answer does not repeat is kept from before. */
	private static Validators merge(Validators answered, SourcePull pull) {
		return new Validators((answered.etag() != null) ? answered.etag() : pull.etag(),
				(answered.lastModified() != null) ? answered.lastModified() : pull.lastModified());
	}

	private static PullFormat format(SourcePull pull) {
		return PullFormat.fromWireName(pull.format())
			.orElseThrow(() -> new IllegalStateException("Stored pull format " + pull.format() + " is unknown"));
	}

	private static Duration every(SourcePull pull) {
		return Duration.parse(pull.every());
	}

}

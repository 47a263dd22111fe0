package uk.nhsjob.ingest.feed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.ingest.IngestSettings;
import uk.nhsjob.ingest.Problems;
import uk.nhsjob.ingest.feed.format.FeedDocument;
import uk.nhsjob.ingest.feed.format.FeedFormats;
import uk.nhsjob.ingest.feed.format.FeedReader;
import uk.nhsjob.ingest.normalise.Normalisation;
import uk.nhsjob.ingest.normalise.VacancyNormaliser;
import uk.nhsjob.ingest.normalise.VacancySource;
import uk.nhsjob.ingest.publish.Publication;
import uk.nhsjob.ingest.publish.SourceBusyException;
import uk.nhsjob.ingest.publish.SourceLeaseLostException;
import uk.nhsjob.ingest.publish.TooManyOpenVacanciesException;
import uk.nhsjob.ingest.publish.VacancyFeed;
import uk.nhsjob.ingest.publish.VacancyPublisher;
import uk.nhsjob.ingest.source.RegisteredSource;

/**
 * The feed service: reads a pushed document, normalises each vacancy, publishes the
 * accepted ones (and, for a snapshot, closes what it left out) and accounts for every one
 * in the receipt. The content type (415), the size (413) and the document as a whole
 * (400) are checked before any vacancy is looked at.
 */
@Service
class FeedIntake {

	private final FeedFormats formats;

	private final VacancyNormaliser normaliser;

	private final VacancyPublisher publisher;

	private final FeedObservations observations;

	private final IngestSettings settings;

	FeedIntake(FeedFormats formats, VacancyNormaliser normaliser, VacancyPublisher publisher,
			FeedObservations observations, IngestSettings settings) {
		this.formats = formats;
		this.normaliser = normaliser;
		this.publisher = publisher;
		this.observations = observations;
		this.settings = settings;
	}

	/**
	 * Takes in a pushed feed and answers its receipt.
	 * @param confirmEmpty whether an empty snapshot really means the source has no
	 * vacancies left
	 * @throws ErrorResponseException {@code 503} when the broker has not acknowledged
	 * every vacancy yet (see {@link #notAcknowledged})
	 */
	Receipt push(RegisteredSource source, FeedMode mode, boolean confirmEmpty, FeedBody body) throws IOException {
		Outcome outcome = this.observations.observe(source.sourceId(), mode, body.contentType(),
				(feedId) -> accept(feedId, source, mode, confirmEmpty, read(body)));
		if (outcome.pending() > 0) {
			throw notAcknowledged(outcome);
		}
		return outcome.receipt();
	}

	/**
	 * Takes in a pulled feed as a pushed one of the source: its pages are one document,
	 * their vacancies indexed across the pages in order, and the size limit holds for
	 * each page. A snapshot that holds no vacancy at all closes nothing: it is taken in
	 * as an empty delta (docs/feeds.md, "Pulled sources").
	 * @throws ErrorResponseException as a push would be refused (400, 409, 413, 415,
	 * 422), but never 503: what the broker has not acknowledged yet is counted in the
	 * outcome's pending
	 */
	Outcome pull(RegisteredSource source, FeedMode mode, List<PulledFeeds.Page> pages) throws IOException {
		String contentType = pages.isEmpty() ? null : pages.get(0).contentType();
		return this.observations.observe(source.sourceId(), mode, contentType, (feedId) -> {
			FeedDocument document = read(pages);
			FeedMode taken = (mode == FeedMode.SNAPSHOT && document.size() == 0) ? FeedMode.DELTA : mode;
			return accept(feedId, source, taken, false, document);
		});
	}

	/** What the feed would publish, publishing nothing. */
	Validation validate(RegisteredSource source, FeedBody body) throws IOException {
		return validate(source, read(body));
	}

	List<Vacancy> openVacancies(RegisteredSource source) {
		return this.publisher.openVacancies(source.sourceId());
	}

	/**
	 * Publishes one vacancy of the source closed.
	 * @throws ErrorResponseException {@code 404} when the source never published it,
	 * {@code 503} when the broker has not acknowledged its closing yet
	 */
	void withdraw(RegisteredSource source, String externalId) {
		Optional<Publication> closed;
		try {
			closed = this.publisher.close(source.sourceId(), externalId);
		}
		catch (SourceBusyException | SourceLeaseLostException ex) {
			throw sourceTaken(ex);
		}
		Publication publication = closed.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND,
				"The source has published no vacancy with externalId " + externalId + "."));
		this.observations.withdrawn(source.sourceId(), externalId, publication.closed(), publication.isComplete());
		if (!publication.isComplete()) {
			throw Problems.unavailable("The vacancy is closed here but the message broker has not acknowledged it "
					+ "yet; it will be published when it does.", this.settings.outbox().retryInterval());
		}
	}

	/**
	 * The content type (415), the size (413) and the whole document (400) are checked
	 * here, before any vacancy is taken in; the document is then read again, one vacancy
	 * at a time.
	 */
	private FeedDocument read(FeedBody body) throws IOException {
		FeedReader reader = this.formats.readerFor(body.contentType());
		return this.formats.check(reader, body.read(this.settings.maxFeedSize()));
	}

	/**
	 * Each page checked as a pushed body is: its content type, its size, the whole page.
	 */
	private FeedDocument read(List<PulledFeeds.Page> pages) {
		List<FeedDocument.Page> read = new ArrayList<>();
		for (PulledFeeds.Page page : pages) {
			FeedReader reader = this.formats.readerFor(page.contentType());
			if (page.body().length > this.settings.maxFeedSize().toBytes()) {
				throw FeedBody.tooLarge(this.settings.maxFeedSize());
			}
			read.add(new FeedDocument.Page(reader, page.body()));
		}
		return this.formats.check(read);
	}

	private Outcome accept(String feedId, RegisteredSource source, FeedMode mode, boolean confirmEmpty,
			FeedDocument document) {
		boolean snapshot = mode == FeedMode.SNAPSHOT;
		if (snapshot && document.size() == 0 && !confirmEmpty) {
			throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
					"The snapshot is empty, which would close every open vacancy of the source; nothing was closed. "
							+ "Push it again with confirmEmpty=true if that is what you mean.");
		}
		List<Receipt.Rejection> rejected = new ArrayList<>();
		Set<String> rejectedIds = new HashSet<>();
		// walked once more when the feed could pass its source's cap: each walk starts
		// afresh
		VacancyFeed accepted = VacancyFeed.of(document.size(), (publish) -> {
			rejected.clear();
			rejectedIds.clear();
			normalise(source, document, rejected::add, snapshot ? rejectedIds : null, publish);
		});
		Publication publication;
		try {
			publication = snapshot ? this.publisher.publishSnapshot(source.sourceId(), accepted, () -> rejectedIds)
					: this.publisher.publish(source.sourceId(), accepted);
		}
		catch (SourceBusyException | SourceLeaseLostException ex) {
			throw sourceTaken(ex);
		}
		catch (TooManyOpenVacanciesException ex) {
			throw Problems.tooManyOpenVacancies(ex.getMessage() + " Nothing of this feed was stored or published.",
					ex.limit(), ex.wouldBeOpen());
		}
		Receipt receipt = new Receipt(feedId, document.size(), publication.published(), publication.unchanged(),
				publication.closed(), rejected);
		return new Outcome(receipt, publication.pending());
	}

	/**
	 * {@code 409}: another feed of the source kept it past the wait (nothing of this one
	 * was written), or took it over while this one ran (what this one stored before stays
	 * consistent and is published; push it again for a full receipt).
	 */
	private ErrorResponseException sourceTaken(RuntimeException ex) {
		if (ex instanceof SourceBusyException busy) {
			return Problems.conflict(Problems.FEED_IN_PROGRESS, "Another feed of the source is in progress",
					busy.getMessage() + " Nothing of this feed was published; push it again later.", busy.retryAfter());
		}
		return Problems.conflict(Problems.FEED_LEASE_LOST, "Another feed of the source took over",
				ex.getMessage() + " Push this feed again for a full receipt.", this.settings.feedLease().maxWait());
	}

	private Validation validate(RegisteredSource source, FeedDocument document) {
		List<Vacancy> accepted = new ArrayList<>();
		List<Receipt.Rejection> rejected = new ArrayList<>();
		normalise(source, document, rejected::add, null, accepted::add);
		return new Validation(accepted, rejected);
	}

	/**
	 * The receipt counts only what the broker acknowledged; what it did not is stored and
	 * will be sent again, and a repeat of the same feed reports it.
	 */
	private ErrorResponseException notAcknowledged(Outcome outcome) {
		ErrorResponseException problem = Problems.unavailable(
				outcome.pending()
						+ " vacancies are stored but the message broker has not acknowledged them yet; they will be "
						+ "published when it does. Push the same feed again later for a full receipt.",
				this.settings.outbox().retryInterval());
		problem.getBody().setProperty("feedId", outcome.receipt().feedId());
		problem.getBody().setProperty("published", outcome.receipt().published());
		problem.getBody().setProperty("closed", outcome.receipt().closed());
		problem.getBody().setProperty("pending", outcome.pending());
		return problem;
	}

	/**
	 * Reads the document one vacancy at a time, handing each accepted vacancy on as soon
	 * as it is normalised: only the receipt's rejections and, for a snapshot, the
	 * external ids rejected for their content (which keep their state) are kept. Of
	 * several vacancies with one id the later wins, so an accepted vacancy whose id comes
	 * again is held back until its last comes: if that one is rejected, the held one is
	 * handed on.
	 * @param rejectedIds for a snapshot, else null
	 */
	private void normalise(RegisteredSource source, FeedDocument document, Consumer<Receipt.Rejection> rejections,
			@Nullable Set<String> rejectedIds, Consumer<Vacancy> accepted) {
		VacancySource vacancySource = new VacancySource(source.sourceId(), source.name(), source.employerType(),
				source.postcode());
		Map<String, Vacancy> heldBack = new HashMap<>();
		document.forEach((entry) -> {
			Normalisation normalisation = this.normaliser.normalise(entry.vacancy(), vacancySource);
			Vacancy vacancy = normalisation.vacancy();
			if (vacancy != null) {
				if (rejectedIds != null) {
					rejectedIds.remove(vacancy.externalId());
				}
				if (document.isRepeatedLater(entry)) {
					heldBack.put(vacancy.externalId(), vacancy);
					return;
				}
				heldBack.remove(vacancy.externalId());
				accepted.accept(vacancy);
				return;
			}
			rejections.accept(new Receipt.Rejection(entry.index(), entry.line(), normalisation.externalId(),
					normalisation.errors()));
			if (rejectedIds != null && normalisation.externalId() != null) {
				rejectedIds.add(normalisation.externalId());
			}
			String id = entry.vacancy().externalIdOrReference();
			if (id != null && document.isLastOfRepeated(entry)) {
				Vacancy earlier = heldBack.remove(id);
				if (earlier != null) {
					accepted.accept(earlier);
				}
			}
		});
	}

	/** A receipt, and how many of its vacancies the broker has not acknowledged yet. */
	record Outcome(Receipt receipt, int pending) {
	}

}

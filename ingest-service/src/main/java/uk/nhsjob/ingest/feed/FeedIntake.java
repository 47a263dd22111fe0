package uk.nhsjob.ingest.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.ingest.IngestSettings;
import uk.nhsjob.ingest.Problems;
import uk.nhsjob.ingest.feed.format.FeedDocument;
import uk.nhsjob.ingest.normalise.Normalisation;
import uk.nhsjob.ingest.normalise.VacancyNormaliser;
import uk.nhsjob.ingest.normalise.VacancySource;
import uk.nhsjob.ingest.publish.Publication;
import uk.nhsjob.ingest.publish.VacancyPublisher;
import uk.nhsjob.ingest.source.RegisteredSource;

/**
 * Takes in a read feed: normalises each vacancy, publishes the accepted ones and accounts
 * for every one in the receipt.
 */
@Service
class FeedIntake {

	private static final Logger log = LoggerFactory.getLogger(FeedIntake.class);

	private final VacancyNormaliser normaliser;

	private final VacancyPublisher publisher;

	private final MeterRegistry meters;

	private final IngestSettings settings;

	FeedIntake(VacancyNormaliser normaliser, VacancyPublisher publisher, MeterRegistry meters,
			IngestSettings settings) {
		this.normaliser = normaliser;
		this.publisher = publisher;
		this.meters = meters;
		this.settings = settings;
	}

	/**
	 * A delta: the vacancies given are added or updated; no other is touched. The
	 * document is read one vacancy at a time: only normalised vacancies and the receipt's
	 * rejections are kept.
	 */
	Receipt acceptDelta(RegisteredSource source, FeedDocument document) {
		String feedId = UUID.randomUUID().toString();
		VacancySource vacancySource = new VacancySource(source.sourceId(), source.name(), source.employerType(),
				source.postcode());
		List<Receipt.Rejection> rejected = new ArrayList<>();
		// the same vacancy twice in one feed: the later wins
		Map<String, Vacancy> accepted = new LinkedHashMap<>();
		document.forEach((entry) -> {
			Normalisation normalisation = this.normaliser.normalise(entry.vacancy(), vacancySource);
			Vacancy vacancy = normalisation.vacancy();
			if (vacancy != null) {
				accepted.remove(vacancy.id());
				accepted.put(vacancy.id(), vacancy);
			}
			else {
				rejected.add(new Receipt.Rejection(entry.index(), entry.line(), normalisation.externalId(),
						normalisation.errors()));
			}
		});
		Publication publication = this.publisher.publish(source.sourceId(), List.copyOf(accepted.values()));
		count(publication, rejected.size());
		log.info("Feed {} from {}: received {}, published {}, unchanged {}, rejected {}, pending {}", feedId,
				source.sourceId(), document.size(), publication.published(), publication.unchanged(), rejected.size(),
				publication.pending());
		if (!publication.isComplete()) {
			throw notAcknowledged(feedId, publication);
		}
		return new Receipt(feedId, document.size(), publication.published(), publication.unchanged(), 0, rejected);
	}

	/**
	 * The receipt counts only what the broker acknowledged; what it did not is stored and
	 * will be sent again, and a repeat of the same feed reports it.
	 */
	private ErrorResponseException notAcknowledged(String feedId, Publication publication) {
		ErrorResponseException problem = Problems.unavailable(
				publication.pending()
						+ " vacancies are stored but the message broker has not acknowledged them yet; they will be "
						+ "published when it does. Push the same feed again later for a full receipt.",
				this.settings.outbox().retryInterval());
		problem.getBody().setProperty("feedId", feedId);
		problem.getBody().setProperty("published", publication.published());
		problem.getBody().setProperty("pending", publication.pending());
		return problem;
	}

	private void count(Publication publication, int rejected) {
		this.meters.counter("nhsjob.ingest.vacancies", "outcome", "published").increment(publication.published());
		this.meters.counter("nhsjob.ingest.vacancies", "outcome", "unchanged").increment(publication.unchanged());
		this.meters.counter("nhsjob.ingest.vacancies", "outcome", "pending").increment(publication.pending());
		this.meters.counter("nhsjob.ingest.vacancies", "outcome", "rejected").increment(rejected);
	}

}

package uk.nhsjob.ingest.publish;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PublishedVacancies extends MongoRepository<PublishedVacancy, String> {

	/** The oldest revisions still waiting for the broker's acknowledgement. */
	List<PublishedVacancy> findTop500ByPendingPublicationTrueAndPendingSinceBeforeOrderByPendingSinceAsc(
			Instant cutoff);

}

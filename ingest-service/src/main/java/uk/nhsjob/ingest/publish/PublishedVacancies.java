package uk.nhsjob.ingest.publish;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

import uk.nhsjob.common.vocabulary.VacancyStatus;

interface PublishedVacancies extends MongoRepository<PublishedVacancy, String> {

	/** The oldest revisions still waiting for the broker's acknowledgement. */
	List<PublishedVacancy> findTop500ByPendingPublicationTrueAndPendingSinceBeforeOrderByPendingSinceAsc(
			Instant cutoff);

	/** A source's vacancies in one state, by id. */
	List<PublishedVacancy> findBySourceIdAndStatusOrderByIdAsc(String sourceId, VacancyStatus status);

}

package uk.nhsjob.notifier.delivery;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The ids of the vacancies the vacancy stream ({@link VacancyClosureListener}) showed
 * closed in their latest revision, so that no email offers one. Records of a vacancy may
 * arrive late or out of order (several ingest instances, redeliveries), so the collection
 * ({@code closedVacancies}) keeps each vacancy's highest revision seen, open ones too
 * ({@code open: true}), and a record of a lower revision changes nothing: a closed
 * vacancy never comes back open, and a reopened one is not closed by a stale record
 * (docs/emails.md).
 */
@Component
class ClosedVacancies {

	/** Set on the document of a vacancy whose latest revision is open. */
	private static final String OPEN = "open";

	private final MongoTemplate mongo;

	ClosedVacancies(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	boolean contains(String vacancyId) {
		return this.mongo.exists(query(where("_id").is(vacancyId).and(OPEN).ne(true)), ClosedVacancy.class);
	}

	/** Those of the given vacancies that are closed, in one query by {@code _id}. */
	Set<String> among(Collection<String> vacancyIds) {
		if (vacancyIds.isEmpty()) {
			return Set.of();
		}
		return this.mongo.find(query(where("_id").in(vacancyIds).and(OPEN).ne(true)), ClosedVacancy.class)
			.stream()
			.map(ClosedVacancy::vacancyId)
			.collect(Collectors.toSet());
	}

	/**
	 * Applies the vacancy stream's record of a vacancy (null: its tombstone), unless a
	 * revision as high or higher was applied already: one conditional upsert, filtered on
	 * a lower revision, which finds the document there (and inserts nothing) when it
	 * holds a higher one.
	 */
	void apply(String vacancyId, @Nullable VacancyPublished published) {
		if (published == null) {
			this.mongo.remove(query(where("_id").is(vacancyId)), ClosedVacancy.class);
			return;
		}
		Vacancy vacancy = published.vacancy();
		if (vacancy == null) {
			// not worth retrying: straight to the dead-letter topic
			throw new IllegalArgumentException("a vacancy record without a vacancy");
		}
		Update latest = Update.update("revision", vacancy.revision()).set(OPEN, vacancy.isOpen());
		if (!vacancy.isOpen()) {
			latest.set("closedAt", published.occurredAt());
		}
		try {
			this.mongo.upsert(query(where("_id").is(vacancyId).and("revision").lt(vacancy.revision())), latest,
					ClosedVacancy.class);
		}
		catch (DuplicateKeyException ex) {
			// the vacancy's document holds this revision or a higher one: this record is
			// stale
		}
	}

}

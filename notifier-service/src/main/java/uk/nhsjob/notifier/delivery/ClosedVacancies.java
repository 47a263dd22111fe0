package uk.nhsjob.notifier.delivery;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The ids of the vacancies the vacancy stream ({@link VacancyClosureListener}) last
 * showed closed, so that no email offers one. Records of one vacancy arrive in order, so
 * the last one wins.
 */
@Component
class ClosedVacancies {

	private final MongoTemplate mongo;

	ClosedVacancies(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	boolean contains(String vacancyId) {
		return this.mongo.exists(query(where("_id").is(vacancyId)), ClosedVacancy.class);
	}

	/** Those of the given vacancies that are closed, in one query by {@code _id}. */
	Set<String> among(Collection<String> vacancyIds) {
		if (vacancyIds.isEmpty()) {
			return Set.of();
		}
		return this.mongo.find(query(where("_id").in(vacancyIds)), ClosedVacancy.class)
			.stream()
			.map(ClosedVacancy::vacancyId)
			.collect(Collectors.toSet());
	}

	/** Applies the vacancy stream's record of a vacancy (null: its tombstone). */
	void apply(String vacancyId, @Nullable VacancyPublished published) {
		if (published == null || published.vacancy().isOpen()) {
			this.mongo.remove(query(where("_id").is(vacancyId)), ClosedVacancy.class);
			return;
		}
		Vacancy vacancy = published.vacancy();
		this.mongo.save(new ClosedVacancy(vacancy.id(), vacancy.revision(), published.occurredAt()));
	}

}

package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.ingest.IngestSettings;

/**
 * The outbox's documents, read and written in bulk: one query for a source's state, then
 * unordered bulk writes and reads of at most a batch of documents, each addressed by
 * {@code _id} alone so that any MongoDB answers it from the id index.
 */
@Component
class Outbox {

	private static final String COLLECTION = "publishedVacancies";

	private final MongoOperations mongo;

	private final Clock clock;

	private final int batchSize;

	Outbox(MongoOperations mongo, Clock clock, IngestSettings settings) {
		this.mongo = mongo;
		this.clock = clock;
		this.batchSize = settings.outbox().batchSize();
	}

	/** The most documents one bulk write or read carries. */
	int batchSize() {
		return this.batchSize;
	}

	/** Every vacancy the source ever published, by id: one query. */
	Map<String, VacancyState> statesOf(String sourceId) {
		Query bySource = Query.query(Criteria.where("sourceId").is(sourceId));
		bySource.fields().include(VacancyState.FIELDS);
		Map<String, VacancyState> states = new HashMap<>();
		for (VacancyState state : this.mongo.find(bySource, VacancyState.class, COLLECTION)) {
			states.put(state.id(), state);
		}
		return states;
	}

	/**
	 * Writes each revision over its vacancy's document, or inserts it when it is the
	 * first (the caller read the source's state under its lock).
	 */
	void store(List<PublishedVacancy> revisions) {
		for (List<PublishedVacancy> batch : batches(revisions)) {
			BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, PublishedVacancy.class);
			for (PublishedVacancy revision : batch) {
				if (revision.revision() == 1) {
					bulk.insert(revision);
				}
				else {
					bulk.replaceOne(byId(revision.id()), revision, FindAndReplaceOptions.options().upsert());
				}
			}
			bulk.execute();
		}
	}

	List<PublishedVacancy> findAll(Collection<String> ids) {
		List<PublishedVacancy> found = new ArrayList<>(ids.size());
		for (List<String> batch : batches(new ArrayList<>(ids))) {
			found.addAll(this.mongo.find(Query.query(Criteria.where("_id").in(batch)), PublishedVacancy.class));
		}
		return found;
	}

	/**
	 * Clears the pending flag. By id alone: the caller holds the source's lock, so no
	 * newer revision can have been written since these were sent.
	 */
	void markPublished(List<String> ids) {
		Update published = new Update().set("pendingPublication", false)
			.set("publishedAt", this.clock.instant())
			.unset("pendingSince");
		for (List<String> batch : batches(ids)) {
			this.mongo.updateMulti(Query.query(Criteria.where("_id").in(batch)), published, PublishedVacancy.class);
		}
	}

	private static Query byId(String id) {
		return Query.query(Criteria.where("_id").is(id));
	}

	private <T> List<List<T>> batches(List<T> all) {
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < all.size(); from += this.batchSize) {
			batches.add(all.subList(from, Math.min(all.size(), from + this.batchSize)));
		}
		return batches;
	}

}

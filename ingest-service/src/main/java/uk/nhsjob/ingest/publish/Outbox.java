package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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
	 * newer revision can have been written since these were sent. One update per id in an
	 * unordered bulk write, not one {@code $in} update: the in-JVM server answers
	 * {@code $in} by scanning the collection, and every MongoDB finds each id in its
	 * index.
	 */
	void markPublished(List<String> ids) {
		Bson published = Updates.combine(Updates.set("pendingPublication", false),
				Updates.set("publishedAt", Date.from(this.clock.instant())), Updates.unset("pendingSince"));
		MongoCollection<Document> collection = this.mongo.getCollection(COLLECTION);
		for (List<String> batch : batches(ids)) {
			List<UpdateOneModel<Document>> updates = new ArrayList<>(batch.size());
			for (String id : batch) {
				updates.add(new UpdateOneModel<>(Filters.eq("_id", id), published));
			}
			collection.bulkWrite(updates, new BulkWriteOptions().ordered(false));
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

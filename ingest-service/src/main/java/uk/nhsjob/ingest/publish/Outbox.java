package uk.nhsjob.ingest.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
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
	 * Writes each revision by a conditional write under the lease's fence: the first by
	 * an insert (the id is unique), each later one over the revision before it, only
	 * while that is still the latest and was written under this fence or a lower one. So
	 * two feeds never both write one revision number, and a feed whose lease was taken
	 * writes nothing over what the newer holder wrote.
	 * @throws SourceLeaseLostException when a write was refused: another feed of the
	 * source wrote one of these vacancies since this feed read them
	 */
	void store(List<PublishedVacancy> revisions, long fence) {
		for (List<PublishedVacancy> batch : batches(revisions)) {
			BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, PublishedVacancy.class);
			for (PublishedVacancy revision : batch) {
				PublishedVacancy fenced = revision.fencedBy(fence);
				if (revision.revision() == 1) {
					bulk.insert(fenced);
				}
				else {
					// a document stored before fences were written has none: no newer
					// holder wrote it
					bulk.replaceOne(
							Query.query(Criteria.where("_id")
								.is(revision.id())
								.and("revision")
								.is(revision.revision() - 1)
								.orOperator(Criteria.where("fence").lte(fence), Criteria.where("fence").exists(false))),
							fenced);
				}
			}
			int written;
			try {
				BulkWriteResult result = bulk.execute();
				written = result.getInsertedCount() + result.getMatchedCount();
			}
			catch (BulkOperationException | DuplicateKeyException ex) {
				// an insert found the vacancy there already
				written = -1;
			}
			if (written != batch.size()) {
				throw refused(batch, fence);
			}
		}
	}

	private SourceLeaseLostException refused(List<PublishedVacancy> batch, long fence) {
		long newest = findAll(batch.stream().map(PublishedVacancy::id).toList()).stream()
			.mapToLong(PublishedVacancy::fence)
			.max()
			.orElse(0);
		return new SourceLeaseLostException((newest > fence)
				? "A newer feed of the source (fence " + newest + ") wrote its vacancies; this one (fence " + fence
						+ ") writes nothing more."
				: "Another feed of the source wrote some of its vacancies since this one (fence " + fence
						+ ") read them; it writes nothing more.");
	}

	List<PublishedVacancy> findAll(Collection<String> ids) {
		List<PublishedVacancy> found = new ArrayList<>(ids.size());
		for (List<String> batch : batches(new ArrayList<>(ids))) {
			found.addAll(this.mongo.find(Query.query(Criteria.where("_id").in(batch)), PublishedVacancy.class));
		}
		return found;
	}

	/**
	 * Clears the pending flag of each revision sent, only while that revision is still
	 * the vacancy's latest: a newer one written meanwhile keeps its flag. One update per
	 * vacancy in an unordered bulk write. The in-JVM MongoDB-wire server of the tests and
	 * the local stack answers a filter from an index only when the index has exactly its
	 * keys (here {@code _id}, {@code revision}, {@code pendingPublication}: the compound
	 * index of {@link PublishedVacancy}); otherwise it scans the collection once per
	 * update. Every MongoDB finds each id in its {@code _id} index.
	 */
	void markPublished(List<SentRevision> sent) {
		Bson published = Updates.combine(Updates.set("pendingPublication", false),
				Updates.set("publishedAt", Date.from(this.clock.instant())), Updates.unset("pendingSince"));
		MongoCollection<Document> collection = this.mongo.getCollection(COLLECTION);
		for (List<SentRevision> batch : batches(sent)) {
			List<UpdateOneModel<Document>> updates = new ArrayList<>(batch.size());
			for (SentRevision revision : batch) {
				// a plain document: the driver writes Filters.and as one $and, whose key
				// no index has
				updates.add(new UpdateOneModel<>(
						new Document("_id", revision.vacancyId()).append("revision", revision.revision())
							.append("pendingPublication", true),
						published));
			}
			collection.bulkWrite(updates, new BulkWriteOptions().ordered(false));
		}
	}

	private <T> List<List<T>> batches(List<T> all) {
		List<List<T>> batches = new ArrayList<>();
		for (int from = 0; from < all.size(); from += this.batchSize) {
			batches.add(all.subList(from, Math.min(all.size(), from + this.batchSize)));
		}
		return batches;
	}

}

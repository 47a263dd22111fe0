package uk.nhsjob.localstack.mongo;

import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose unique indexes are held in memory ({@link HeapUniqueIndex}), whose
 * {@code _id} index also serves queries that ask for more than the {@code _id}, whose
 * non-unique indexes exist (in memory, rebuilt from the documents when the store is
 * opened) instead of being ignored, and whose aggregations that start with a
 * {@code $match} (a driver's {@code countDocuments}) read what it matches through them,
 * not the whole collection.
 */
final class IndexedH2Database extends H2Database {

	IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		super(databaseName, store, cursorRegistry);
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		Index<Object> index = new HeapUniqueIndex(indexName, keys, sparse);
		return IdLookupIndex.isIdOnly(keys) ? new IdLookupIndex(index, sparse) : index;
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return new EqualityIndex(indexName, keys, sparse);
	}

	@Override
	public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
			Oplog oplog) {
		if ("aggregate".equalsIgnoreCase(command) && query.get(command) instanceof String collectionName) {
			List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
			MongoCollection<Object> collection = resolveCollection(collectionName, false);
			if (collection != null && !pipeline.isEmpty() && pipeline.get(0).keySet().equals(Set.of("$match"))
					&& pipeline.stream().noneMatch((stage) -> stage.containsKey("$changeStream"))) {
				Document match = (Document) pipeline.get(0).get("$match");
				Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), databaseResolver,
						this, collection, oplog);
				return firstBatch(getFullCollectionNamespace(collectionName),
						rest.runStages(collection.handleQueryAsStream(match)));
			}
		}
		return super.handleCommand(channel, command, query, databaseResolver, oplog);
	}

	/** The library's reply to an aggregation: one batch, no cursor left open. */
	private static Document firstBatch(String namespace, List<Document> documents) {
		Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", documents);
		Document response = new Document("cursor", cursor);
		Utils.markOkay(response);
		return response;
	}

}

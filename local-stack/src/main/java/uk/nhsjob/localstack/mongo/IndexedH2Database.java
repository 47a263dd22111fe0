package uk.nhsjob.localstack.mongo;

import java.util.List;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose {@code _id} index also serves queries that ask for more than the
 * {@code _id}, and whose non-unique indexes exist (in memory, rebuilt from the documents
 * when the store is opened) instead of being ignored.
 */
final class IndexedH2Database extends H2Database {

	IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
		super(databaseName, store, cursorRegistry);
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
		return IdLookupIndex.isIdOnly(keys) ? new IdLookupIndex(index, sparse) : index;
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return new EqualityIndex(indexName, keys, sparse);
	}

}

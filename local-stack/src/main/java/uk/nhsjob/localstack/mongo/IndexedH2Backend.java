package uk.nhsjob.localstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server's H2 backend with indexes that answer the services' queries. The
 * library reads a collection through an index only when a query names exactly that
 * index's fields and ignores every non-unique index, so each ledger query that also asks
 * for a state, and each sending round's query for what is due, read every document of the
 * collection. At a load run's size that is most of the launcher's CPU, under the
 * collection's lock, which holds up every other write to it. The indexes here narrow a
 * query to candidates; the library still tests each candidate against the whole query, so
 * results are what a full read gives (EmbeddedMongoIndexTests compares the two).
 */
final class IndexedH2Backend extends H2Backend {

	IndexedH2Backend(String fileName) {
		super(fileName);
	}

	private IndexedH2Backend() {
		super(org.h2.mvstore.MVStore.open(null));
	}

	/** Keeps nothing on disk: for tests. */
	static IndexedH2Backend inMemoryStore() {
		return new IndexedH2Backend();
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
	}

}

package uk.nhsjob.localstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

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

	/**
	 * The H2 store keeps each document Java-serialized and, by default, only 16 MB of
	 * them read back: at a load run's size (a ledger of some 200,000 entries) nearly
	 * every read deserialized its document again. A quarter of the heap, at most 1 GB,
	 * keeps the ones in use.
	 */
	static final int CACHE_MEGABYTES = (int) Math.max(16,
			Math.min(1024, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024)));

	IndexedH2Backend(String fileName) {
		super(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MEGABYTES).open());
	}

	private IndexedH2Backend() {
		super(MVStore.open(null));
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

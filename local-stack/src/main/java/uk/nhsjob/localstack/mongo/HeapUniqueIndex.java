package uk.nhsjob.localstack.mongo;

import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.jspecify.annotations.Nullable;

/**
 * A unique index held in a hash map, rebuilt from the documents when the store is opened.
 * The H2 backend's own keeps its keys in an H2 map; they are not {@link Comparable}, so
 * H2 compares two of them by Java-serializing both, some twenty times a lookup: in a load
 * run, most of the launcher's CPU.
 */
final class HeapUniqueIndex extends AbstractUniqueIndex<Object> {

	private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

	HeapUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
	}

	@Override
	public long getCount() {
		return this.positions.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	protected @Nullable Object removeDocument(KeyValue key) {
		return this.positions.remove(key);
	}

	@Override
	protected boolean putKeyPosition(KeyValue key, Object position) {
		return this.positions.putIfAbsent(key, position) == null;
	}

	@Override
	protected @Nullable Object getPosition(KeyValue key) {
		return this.positions.get(key);
	}

	@Override
	protected Iterable<Entry<KeyValue, Object>> getIterable() {
		return this.positions.entrySet();
	}

}

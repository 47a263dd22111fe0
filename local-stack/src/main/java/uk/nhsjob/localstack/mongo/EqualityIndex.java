package uk.nhsjob.localstack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * A non-unique index on its first field, held in memory: value to the positions of the
 * documents that have it. It answers a query that asks for that field to equal a value or
 * one of several ({@link LookupValues}), at the top level, in one branch of an
 * {@code $and}, or in every branch of an {@code $or}; the collection tests each candidate
 * against the whole query. When a collection has several such indexes that could answer a
 * query, the one with the fewest candidates does. Its positions are the documents'
 * {@code _id}s, as the H2 backend's are.
 */
final class EqualityIndex extends Index<Object> {

	private final String field;

	private final Map<Object, Set<Object>> positionsByValue = new HashMap<>();

	private final Map<Object, Object> valueByPosition = new HashMap<>();

	/**
	 * A document held an array in the field, so an equality may match one of its
	 * elements: this index then answers nothing (the services store no arrays there).
	 */
	private boolean sawArray;

	private @Nullable MongoCollection<Object> collection;

	EqualityIndex(String name, List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.field = keys.get(0).getKey();
	}

	@Override
	public boolean canHandle(Document query) {
		long candidates = estimate(query);
		return candidates >= 0 && !aSiblingHasFewer(query, candidates);
	}

	@Override
	public synchronized Iterable<Object> getPositions(Document query) {
		Collection<Object> positions = candidates(query);
		return (positions != null) ? positions : List.of();
	}

	/**
	 * How many candidates this index has for the query, at most, without listing them; -1
	 * when it cannot answer.
	 */
	synchronized long estimate(Document query) {
		return count(query);
	}

	private long count(Document query) {
		if (this.sawArray || this.field.contains(".")) {
			return -1;
		}
		if (query.containsKey(this.field)) {
			List<Object> values = LookupValues.of(query.get(this.field));
			if (values != null) {
				return values.stream()
					.mapToLong((value) -> this.positionsByValue.getOrDefault(value, Set.of()).size())
					.sum();
			}
		}
		if (query.get("$and") instanceof List<?> branches) {
			return branches.stream()
				.mapToLong((branch) -> (branch instanceof Document document) ? count(document) : -1)
				.filter((count) -> count >= 0)
				.min()
				.orElse(-1);
		}
		if (query.get("$or") instanceof List<?> branches && !branches.isEmpty()) {
			long sum = 0;
			for (Object branch : branches) {
				long count = (branch instanceof Document document) ? count(document) : -1;
				if (count < 0) {
					return -1;
				}
				sum += count;
			}
			return sum;
		}
		return -1;
	}

	private boolean aSiblingHasFewer(Document query, long candidates) {
		MongoCollection<Object> owner;
		synchronized (this) {
			owner = this.collection;
		}
		if (owner == null) {
			return false;
		}
		try {
			boolean earlier = true;
			for (Index<Object> index : List.copyOf(owner.getIndexes())) {
				if (index == this) {
					earlier = false;
				}
				else if (index instanceof EqualityIndex other) {
					long theirs = other.estimate(query);
					// of two with as many, the earlier answers
					if (theirs >= 0 && (theirs < candidates || (earlier && theirs == candidates))) {
						return true;
					}
				}
			}
		}
		catch (ConcurrentModificationException ex) {
			// an index is being added: answering is right, if not the cheapest
		}
		return false;
	}

	private @Nullable Collection<Object> candidates(Document query) {
		if (this.sawArray || this.field.contains(".")) {
			return null;
		}
		if (query.containsKey(this.field)) {
			List<Object> values = LookupValues.of(query.get(this.field));
			if (values != null) {
				return positionsOf(values);
			}
		}
		if (query.get("$and") instanceof List<?> branches) {
			Collection<Object> fewest = null;
			for (Object branch : branches) {
				Collection<Object> positions = (branch instanceof Document document) ? candidates(document) : null;
				if (positions != null && (fewest == null || positions.size() < fewest.size())) {
					fewest = positions;
				}
			}
			return fewest;
		}
		if (query.get("$or") instanceof List<?> branches && !branches.isEmpty()) {
			Set<Object> union = new LinkedHashSet<>();
			for (Object branch : branches) {
				Collection<Object> positions = (branch instanceof Document document) ? candidates(document) : null;
				if (positions == null) {
					return null;
				}
				union.addAll(positions);
			}
			return union;
		}
		return null;
	}

	private Collection<Object> positionsOf(List<Object> values) {
		if (values.size() == 1) {
			return new ArrayList<>(this.positionsByValue.getOrDefault(values.get(0), Set.of()));
		}
		Set<Object> positions = new LinkedHashSet<>();
		for (Object value : values) {
			positions.addAll(this.positionsByValue.getOrDefault(value, Set.of()));
		}
		return positions;
	}

	@Override
	public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
		this.collection = collection;
		Object value = document.get(this.field);
		if (value instanceof Collection<?>) {
			this.sawArray = true;
		}
		Object key = LookupValues.keyOf(value);
		this.valueByPosition.put(position, key);
		this.positionsByValue.computeIfAbsent(key, (any) -> new LinkedHashSet<>()).add(position);
	}

	@Override
	public synchronized @Nullable Object remove(Document document) {
		Object position = document.get("_id");
		forget(position);
		return position;
	}

	private void forget(@Nullable Object position) {
		Object key = this.valueByPosition.remove(position);
		if (key != null) {
			Set<Object> positions = this.positionsByValue.get(key);
			positions.remove(position);
			if (positions.isEmpty()) {
				this.positionsByValue.remove(key);
			}
		}
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		forget(position);
		add(newDocument, position, collection);
	}

	@Override
	public @Nullable Object getPosition(Document document) {
		// not unique: no one position stands for a document's value
		return null;
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// not unique: nothing to refuse
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// not unique: nothing to refuse
	}

	@Override
	public synchronized long getCount() {
		return this.valueByPosition.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public synchronized void drop() {
		this.positionsByValue.clear();
		this.valueByPosition.clear();
		this.sawArray = false;
	}

}

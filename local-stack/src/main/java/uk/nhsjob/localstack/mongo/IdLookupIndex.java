package uk.nhsjob.localstack.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import org.jspecify.annotations.Nullable;

/**
 * A unique {@code _id} index that also answers a query that asks for {@code _id} and more
 * (a conditional update: {@code {_id: ..., state: "PENDING"}}) by looking up the
 * {@code _id} alone; the collection then tests the documents found against the whole
 * query. Everything else is the wrapped index's own.
 */
final class IdLookupIndex extends Index<Object> {

	private static final String ID = "_id";

	private final Index<Object> unique;

	IdLookupIndex(Index<Object> unique, boolean sparse) {
		super(unique.getName(), unique.getKeys(), sparse);
		this.unique = unique;
	}

	static boolean isIdOnly(List<IndexKey> keys) {
		return keys.size() == 1 && keys.get(0).getKey().equals(ID);
	}

	@Override
	public boolean canHandle(Document query) {
		return this.unique.canHandle(query) || idCondition(query) != null;
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		if (this.unique.canHandle(query)) {
			return this.unique.getPositions(query);
		}
		Object condition = idCondition(query);
		return (condition != null) ? this.unique.getPositions(new Document(ID, condition)) : List.of();
	}

	/**
	 * The query's condition on {@code _id} as the library index looks it up, if it can.
	 */
	private static @Nullable Object idCondition(Document query) {
		if (!query.containsKey(ID)) {
			return null;
		}
		List<Object> values = LookupValues.of(query.get(ID));
		if (values == null || values.contains(LookupValues.NULL)) {
			return null;
		}
		return (values.size() == 1) ? values.get(0) : new Document("$in", values);
	}

	@Override
	public boolean isUnique() {
		return this.unique.isUnique();
	}

	@Override
	public @Nullable Object getPosition(Document document) {
		return this.unique.getPosition(document);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		this.unique.checkAdd(document, collection);
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		this.unique.add(document, position, collection);
	}

	@Override
	public @Nullable Object remove(Document document) {
		return this.unique.remove(document);
	}

	@Override
	public long getCount() {
		return this.unique.getCount();
	}

	@Override
	public long getDataSize() {
		return this.unique.getDataSize();
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		this.unique.checkUpdate(oldDocument, newDocument, collection);
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) throws KeyConstraintError {
		this.unique.updateInPlace(oldDocument, newDocument, position, collection);
	}

	@Override
	public void drop() {
		this.unique.drop();
	}

}

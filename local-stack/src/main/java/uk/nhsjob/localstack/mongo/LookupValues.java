package uk.nhsjob.localstack.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The values a query's condition on one field can only match, when an index can look them
 * up: {@code {f: v}}, {@code {f: {$eq: v}}} and {@code {f: {$in: [...]}}} of strings,
 * booleans, object ids or null (a document without the field, or with null). Any other
 * condition (ranges, numbers, whose equality spans types, dates, subdocuments, patterns)
 * is left to a full read.
 */
final class LookupValues {

	/** What a null in a query looks up: documents without the field or with null. */
	static final Object NULL = new Object() {
		@Override
		public String toString() {
			return "null";
		}
	};

	private LookupValues() {
	}

	/** The values to look up, or null when an index cannot answer the condition. */
	static @Nullable List<Object> of(@Nullable Object condition) {
		if (condition instanceof Document operators) {
			if (operators.containsKey("$eq")) {
				return single(operators.get("$eq"));
			}
			if (operators.get("$in") instanceof Collection<?> values) {
				List<Object> lookups = new ArrayList<>(values.size());
				for (Object value : values) {
					List<Object> one = single(value);
					if (one == null) {
						return null;
					}
					lookups.addAll(one);
				}
				return lookups;
			}
			return null;
		}
		return single(condition);
	}

	/** A document's value of a field as an index keeps it. */
	static Object keyOf(@Nullable Object value) {
		return (value == null || value instanceof de.bwaldvogel.mongo.backend.Missing) ? NULL : value;
	}

	private static @Nullable List<Object> single(@Nullable Object value) {
		if (value == null) {
			return List.of(NULL);
		}
		if (value instanceof String || value instanceof Boolean || value instanceof ObjectId) {
			return List.of(value);
		}
		return null;
	}

}

package uk.nhsjob.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * Every collection of every database on the MongoDB server the services share, read as
 * JSON, for a test that wants to know whether anything still holds a value.
 */
final class MongoDatabases implements AutoCloseable {

	private static final Set<String> SERVER_DATABASES = Set.of("admin", "config", "local");

	private final MongoClient client;

	MongoDatabases(String uri) {
		this.client = MongoClients.create(uri);
	}

	/**
	 * Where the text occurs in any field of any document, ignoring case, also
	 * URL-encoded: {@code database.collection: document} for each.
	 */
	List<String> whereHeld(String text) {
		String wanted = text.toLowerCase(Locale.ROOT);
		String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
		List<String> found = new ArrayList<>();
		for (String databaseName : this.client.listDatabaseNames()) {
			if (SERVER_DATABASES.contains(databaseName)) {
				continue;
			}
			MongoDatabase database = this.client.getDatabase(databaseName);
			for (String collection : database.listCollectionNames()) {
				for (Document document : database.getCollection(collection).find()) {
					String json = document.toJson().toLowerCase(Locale.ROOT);
					if (json.contains(wanted) || json.contains(encoded)) {
						found.add(databaseName + "." + collection + ": " + document.toJson());
					}
				}
			}
		}
		return found;
	}

	/** The ids of every document of one collection. */
	List<Object> ids(String database, String collection) {
		List<Object> ids = new ArrayList<>();
		this.client.getDatabase(database)
			.getCollection(collection)
			.find()
			.forEach((document) -> ids.add(document.get("_id")));
		return ids;
	}

	/** The databases scanned (those of the services and of other tests on the server). */
	List<String> databaseNames() {
		List<String> names = new ArrayList<>();
		this.client.listDatabaseNames().forEach((name) -> {
			if (!SERVER_DATABASES.contains(name)) {
				names.add(name);
			}
		});
		return names;
	}

	@Override
	public void close() {
		this.client.close();
	}

}

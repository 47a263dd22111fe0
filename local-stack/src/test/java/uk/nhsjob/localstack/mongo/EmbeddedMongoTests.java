package uk.nhsjob.localstack.mongo;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoTests {

	@TempDir
	Path folder;

	@Test
	void keepsWhatWasStoredAcrossARestart() {
		Path file = this.folder.resolve("mongo/nhsjob.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.start("127.0.0.1", 0, file);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			client.getDatabase("nhsjob-ingest").getCollection("sources").insertOne(new Document("_id", "demo-trust"));
		}

		try (EmbeddedMongo mongo = EmbeddedMongo.start("127.0.0.1", 0, file);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			assertThat(client.getDatabase("nhsjob-ingest").getCollection("sources").find().first())
				.isEqualTo(new Document("_id", "demo-trust"));
		}
	}

}

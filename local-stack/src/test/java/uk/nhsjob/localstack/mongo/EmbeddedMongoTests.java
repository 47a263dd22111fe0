package uk.nhsjob.localstack.mongo;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	@Test
	void stoppedItRefusesClientsAndStartedAgainItServesEveryDocumentOnTheSamePort() {
		try (EmbeddedMongo mongo = EmbeddedMongo.start("127.0.0.1", 0, this.folder.resolve("mongo/nhsjob.mv"));
				MongoClient client = MongoClients.create(MongoClientSettings.builder()
					.applyConnectionString(new ConnectionString(mongo.connectionString()))
					.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
					.build())) {
			String before = mongo.connectionString();
			MongoCollection<Document> alerts = client.getDatabase("nhsjob-matcher").getCollection("alerts");
			for (int i = 0; i < 100; i++) {
				alerts.insertOne(new Document("_id", "alert-" + i));
			}

			mongo.stop();
			mongo.stop();

			assertThat(mongo.isRunning()).isFalse();
			assertThatExceptionOfType(MongoException.class).isThrownBy(() -> alerts.countDocuments());

			mongo.start();
			mongo.start();

			assertThat(mongo.isRunning()).isTrue();
			assertThat(mongo.connectionString()).isEqualTo(before);
			assertThat(alerts.countDocuments()).isEqualTo(100);
			alerts.insertOne(new Document("_id", "alert-after"));
			assertThat(alerts.find(new Document("_id", "alert-99")).first()).isNotNull();
		}
	}

}

package uk.nhsjob.localstack.mongo;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The indexed backend answers every query as the library's own full read does: the same
 * seeded writes and queries, in the shapes the services use (conditional updates by
 * {@code _id}, a round's {@code $or} of states, an alert's entries in a state), go to
 * both, and each read (and each count, an aggregation) must find the same documents.
 */
class IndexedH2BackendTests {

	private static final Instant EPOCH = Instant.parse("2026-01-05T09:00:00Z");

	private static final List<String> STATES = List.of("PENDING", "SENDING", "SENT", "FAILED", "PARKED");

	@TempDir
	Path folder;

	static Stream<Long> seeds() {
		return Stream.of(1L, 2L, 3L, 42L, 2026L);
	}

	@ParameterizedTest
	@MethodSource("seeds")
	void answersEveryQueryAsAFullReadDoes(long seed) {
		MongoServer plain = new MongoServer(H2Backend.inMemory());
		MongoServer indexed = new MongoServer(IndexedH2Backend.inMemoryStore());
		try (MongoClient plainClient = MongoClients.create(uri(plain));
				MongoClient indexedClient = MongoClients.create(uri(indexed))) {
			List<MongoCollection<Document>> both = List.of(ledger(plainClient), ledger(indexedClient));
			Random random = new Random(seed);
			for (int i = 0; i < 300; i++) {
				Document entry = entry(random, i);
				both.forEach((ledger) -> ledger.insertOne(Document.parse(entry.toJson())));
			}
			for (int step = 0; step < 400; step++) {
				Bson filter = filter(random);
				switch (random.nextInt(4)) {
					case 0 -> {
						Bson update = Updates.combine(Updates.set("state", pick(random, STATES)),
								Updates.set("email", random.nextBoolean() ? "email-" + random.nextInt(5) : null));
						both.forEach((ledger) -> ledger.updateMany(filter, update));
					}
					// which one document an updateOne takes is not defined (it differs by
					// index)
					case 1 -> both.forEach((ledger) -> ledger.updateMany(filter, Updates.unset("email")));
					case 2 -> {
						if (random.nextInt(10) == 0) {
							both.forEach((ledger) -> ledger.deleteMany(filter));
						}
					}
					default -> {
						Document entry = entry(random, 300 + step);
						both.forEach((ledger) -> ledger.insertOne(Document.parse(entry.toJson())));
					}
				}
				assertThat(found(both.get(1), new Document())).as("step %d, after writing with %s", step, filter)
					.isEqualTo(found(both.get(0), new Document()));
				Bson query = filter(random);
				assertThat(found(both.get(1), query)).as("step %d: %s", step, query)
					.isEqualTo(found(both.get(0), query));
			}
		}
		finally {
			plain.shutdownNow();
			indexed.shutdownNow();
		}
	}

	@Test
	void rebuildsItsIndexesFromTheDocumentsWhenTheFileIsOpenedAgain() {
		Path file = this.folder.resolve("mongo/nhsjob.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.start("127.0.0.1", 0, file);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> ledger = ledger(client);
			IntStream.range(0, 10)
				.forEach((i) -> ledger.insertOne(new Document("_id", "entry-" + i).append("alertId", "alert-" + (i % 2))
					.append("state", (i < 4) ? "PENDING" : "SENT")));
		}

		try (EmbeddedMongo mongo = EmbeddedMongo.start("127.0.0.1", 0, file);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> ledger = client.getDatabase("nhsjob-notifier").getCollection("deliveries");
			ledger.updateOne(Filters.and(Filters.eq("_id", "entry-0"), Filters.eq("state", "PENDING")),
					Updates.set("state", "SENT"));
			assertThat(ids(ledger, Filters.eq("state", "PENDING"))).containsExactly("entry-1", "entry-2", "entry-3");
			assertThat(ids(ledger, Filters.and(Filters.in("alertId", "alert-1"), Filters.eq("state", "SENT"))))
				.containsExactly("entry-5", "entry-7", "entry-9");
		}
	}

	@Test
	void keepsUniqueIndexesUniqueAcrossAReopening() {
		Path file = this.folder.resolve("mongo/nhsjob.mv");
		try (EmbeddedMongo mongo = EmbeddedMongo.start("127.0.0.1", 0, file);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> keys = client.getDatabase("nhsjob-ingest").getCollection("jobKeys");
			keys.createIndex(Indexes.ascending("jobId"), new IndexOptions().unique(true));
			keys.insertOne(new Document("_id", "key-1").append("jobId", "job-1"));
		}

		try (EmbeddedMongo mongo = EmbeddedMongo.start("127.0.0.1", 0, file);
				MongoClient client = MongoClients.create(mongo.connectionString())) {
			MongoCollection<Document> keys = client.getDatabase("nhsjob-ingest").getCollection("jobKeys");
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> keys.insertOne(new Document("_id", "key-1").append("jobId", "job-2")))
				.satisfies((ex) -> assertThat(ex.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> keys.insertOne(new Document("_id", "key-2").append("jobId", "job-1")))
				.satisfies((ex) -> assertThat(ex.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
			keys.insertOne(new Document("_id", "key-2").append("jobId", "job-2"));
			assertThat(keys.countDocuments()).isEqualTo(2);
		}
	}

	private static List<String> ids(MongoCollection<Document> ledger, Bson filter) {
		return ledger.find(filter)
			.sort(Sorts.ascending("_id"))
			.map((document) -> document.getString("_id"))
			.into(new ArrayList<>());
	}

	private static List<Document> found(MongoCollection<Document> ledger, Bson query) {
		return ledger.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
	}

	private static MongoCollection<Document> ledger(MongoClient client) {
		MongoCollection<Document> ledger = client.getDatabase("nhsjob-notifier").getCollection("deliveries");
		ledger.createIndex(Indexes.ascending("alertId"));
		ledger.createIndex(Indexes.ascending("state", "dueAt"));
		ledger.createIndex(Indexes.ascending("state", "updatedAt"));
		ledger.createIndex(Indexes.ascending("email"));
		return ledger;
	}

	private static Document entry(Random random, int i) {
		Document entry = new Document("_id", "alert-" + random.nextInt(12) + "/job-" + i)
			.append("alertId", "alert-" + random.nextInt(12))
			.append("dueAt", Date.from(EPOCH.plusSeconds(random.nextInt(600))))
			.append("attempts", random.nextInt(3));
		if (random.nextInt(8) != 0) {
			entry.append("state", pick(random, STATES));
		}
		if (random.nextBoolean()) {
			entry.append("email", (random.nextInt(4) == 0) ? null : "email-" + random.nextInt(5));
		}
		return entry;
	}

	/** A filter of the shapes the services send, and some an index cannot answer. */
	private static Bson filter(Random random) {
		Function<Random, Bson> byState = (r) -> Filters.eq("state", pick(r, STATES));
		Date dueBy = Date.from(EPOCH.plusSeconds(random.nextInt(600)));
		List<Bson> shapes = List.of(byState.apply(random),
				Filters.and(Filters.eq("_id", "alert-" + random.nextInt(12) + "/job-" + random.nextInt(400)),
						Filters.or(Filters.eq("state", "PENDING"), Filters.eq("state", "FAILED"))),
				Filters.and(Filters.in("_id", ids(random)), Filters.eq("email", null), byState.apply(random)),
				Filters.or(Filters.and(Filters.eq("state", "PENDING"), Filters.lte("dueAt", dueBy)),
						Filters.and(Filters.eq("state", "SENDING"), Filters.lt("updatedAt", dueBy)),
						Filters.eq("state", "FAILED")),
				Filters.and(Filters.in("alertId", "alert-" + random.nextInt(12), "alert-" + random.nextInt(12)),
						byState.apply(random), Filters.eq("email", null)),
				Filters.and(Filters.eq("alertId", "alert-" + random.nextInt(12)), Filters.eq("email", "email-1")),
				Filters.in("state", "PENDING", null), Filters.ne("state", "SENT"), Filters.eq("attempts", 1),
				Filters.or(Filters.eq("state", "PARKED"), Filters.eq("attempts", 2)),
				Filters.regex("_id", "^alert-" + random.nextInt(12) + "/"));
		return pick(random, shapes);
	}

	private static List<String> ids(Random random) {
		return IntStream.range(0, 1 + random.nextInt(6))
			.mapToObj((i) -> "alert-" + random.nextInt(12) + "/job-" + random.nextInt(400))
			.toList();
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String uri(MongoServer server) {
		server.bind("127.0.0.1", 0);
		return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
	}

}

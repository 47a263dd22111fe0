package uk.nhsjob.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import uk.nhsjob.common.Topics;
import uk.nhsjob.ingest.IngestApplication;
import uk.nhsjob.testsupport.TestInfrastructure;

/**
 * A 10,000-vacancy feed from request to receipt, every vacancy acknowledged by Kafka (the
 * receipt counts only what the broker acknowledged), beside a plain producer sending as
 * many records of the same size to the same broker. Prints a table.
 * <p>
 * Arguments: the number of vacancies (10000) and the formats, comma-separated
 * ({@code json,csv}).
 */
public final class FeedBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String ADMIN_TOKEN = "benchmark-" + UUID.randomUUID();

	private FeedBenchmark() {
	}

	public static void main(String[] args) {
		try {
			run(args);
			System.exit(0);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			// the broker's and the service's threads would keep the JVM alive
			System.exit(1);
		}
	}

	private static void run(String[] args) throws Exception {
		int vacancies = (args.length > 0) ? Integer.parseInt(args[0]) : 10_000;
		List<String> formats = List.of(((args.length > 1) ? args[1] : "json,csv").split(","));
		TestInfrastructure infrastructure = TestInfrastructure.shared();
		try (ConfigurableApplicationContext service = IngestApplication.application()
			.run(serviceSettings(infrastructure))) {
			String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
			// warm-up: the JIT, the connections, the topic's metadata
			push(base, "json", 1_000);
			List<Row> rows = new ArrayList<>();
			for (String format : formats) {
				rows.add(push(base, format, vacancies));
			}
			int recordSize = averagePublishedSize(infrastructure.kafkaBootstrapServers());
			RawProducer.Run raw;
			try (HeapSampler heap = new HeapSampler()) {
				raw = RawProducer.send(infrastructure.kafkaBootstrapServers(), "benchmark.raw." + UUID.randomUUID(), 6,
						vacancies, recordSize);
				rows.add(new Row("raw producer, " + recordSize + " B records", vacancies, raw.nanos(),
						heap.peakBytes()));
			}
			print(rows, raw.nanos());
		}
	}

	/** As command-line arguments, which win over the service's settings file. */
	private static String[] serviceSettings(TestInfrastructure infrastructure) {
		Map<String, String> settings = new HashMap<>(infrastructure.springProperties());
		// a real MongoDB, when there is one: the in-JVM server scans its collection for
		// any query but a bare _id
		String mongoUri = System.getenv("MONGODB_URI");
		if (mongoUri != null && !mongoUri.isBlank()) {
			settings.put("spring.mongodb.uri", mongoUri);
		}
		settings.put("server.port", "0");
		settings.put("nhsjob.ingest.admin-token", ADMIN_TOKEN);
		settings.put("nhsjob.ingest.max-feed-size", "256MB");
		settings.put("nhsjob.ingest.rate-limit.feeds", "1000");
		settings.put("spring.main.banner-mode", "off");
		settings.put("logging.level.root", "WARN");
		settings.put("logging.level.uk.nhsjob.ingest.feed", "INFO");
		return settings.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
	}

	/** A new source, so that every vacancy is new and published. */
	private static Row push(String base, String format, int count) throws Exception {
		String sourceId = "bench-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/sources"))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(JSON.writeValueAsString(Map.of("sourceId", sourceId, "name",
					"Benchmark NHS Trust", "employerType", "NHS_TRUST", "postcode", "LS1 4AP")))));
		String apiKey = JSON.readTree(registered.body()).path("apiKey").asString();
		byte[] document = FeedDocuments.of(format, count);
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/feeds/" + sourceId))
			.header("Authorization", "Bearer " + apiKey)
			.header("Content-Type", FeedDocuments.contentType(format))
			.timeout(Duration.ofMinutes(5))
			.POST(BodyPublishers.ofByteArray(document))
			.build();
		try (HeapSampler heap = new HeapSampler()) {
			long started = System.nanoTime();
			HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());
			long nanos = System.nanoTime() - started;
			JsonNode receipt = JSON.readTree(response.body());
			if (response.statusCode() != 200 || receipt.path("published").asInt() != count) {
				throw new IllegalStateException("not every vacancy was acknowledged: " + response.statusCode() + " "
						+ response.body().substring(0, Math.min(500, response.body().length())));
			}
			return new Row(format + " feed, " + document.length / 1024 + " KB", count, nanos, heap.peakBytes());
		}
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), BodyHandlers.ofString());
	}

	/**
	 * The size of the records the feeds published, so that the raw producer sends alike.
	 */
	private static int averagePublishedSize(String bootstrapServers) {
		Properties properties = new Properties();
		properties.put("bootstrap.servers", bootstrapServers);
		properties.put("group.id", "benchmark-" + UUID.randomUUID());
		properties.put("auto.offset.reset", "earliest");
		properties.put("key.deserializer", StringDeserializer.class.getName());
		properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
			consumer.subscribe(List.of(Topics.VACANCIES));
			long total = 0;
			int records = 0;
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records < 500 && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					total += record.value().length;
					records++;
				}
			}
			return (records > 0) ? (int) (total / records) : 1024;
		}
	}

	private static void print(List<Row> rows, long rawNanos) {
		System.out.printf("%n%-36s %10s %10s %12s %14s %16s%n", "run", "records", "time (ms)", "records/s",
				"peak heap (MB)", "vs raw producer");
		for (Row row : rows) {
			System.out.printf("%-36s %10d %10d %12.0f %14d %15.2fx%n", row.name(), row.records(),
					row.nanos() / 1_000_000, row.records() / (row.nanos() / 1e9), row.peakHeapBytes() / (1024 * 1024),
					(double) rawNanos / row.nanos());
		}
		System.out.println("(peak heap: the whole JVM, which also runs the broker and MongoDB in-process)");
	}

	private record Row(String name, int records, long nanos, long peakHeapBytes) {
	}

}

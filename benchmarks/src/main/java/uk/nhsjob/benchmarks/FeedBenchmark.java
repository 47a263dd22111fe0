package uk.nhsjob.benchmarks;

import java.lang.management.ManagementFactory;
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
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import uk.nhsjob.common.Topics;
import uk.nhsjob.ingest.IngestApplication;

/**
 * A 10,000-vacancy feed from request to receipt, every vacancy acknowledged by Kafka (the
 * receipt counts only what the broker acknowledged), beside Kafka's own
 * {@code ProducerPerformance} and a plain producer sending as many records of the same
 * size to the same broker in the same run. Prints a table.
 * <p>
 * Arguments: the number of vacancies (10000), the formats, comma-separated
 * ({@code json,csv}), and how many times each is measured after a warm-up of one feed
 * each (3). The broker and the MongoDB-wire server run in a child JVM, so that this JVM's
 * heap is the service's; {@code -Dbenchmark.infrastructure=in-process} runs them in this
 * JVM instead, as the tests do.
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
		int iterations = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		boolean inProcess = "in-process".equals(System.getProperty("benchmark.infrastructure"));
		double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		try (BenchmarkInfrastructure child = inProcess ? null
				: BenchmarkInfrastructure.inChildJvm(System.getProperty("benchmark.infrastructure-heap", "1g"))) {
			Map<String, String> infrastructure = (child != null) ? child.springProperties()
					: BenchmarkInfrastructure.inProcess();
			String bootstrapServers = infrastructure.get("spring.kafka.bootstrap-servers");
			List<Row> rows = new ArrayList<>();
			LongSupplier infrastructureCpu = (child != null) ? child::cpuNanos : () -> -1L;
			try (ConfigurableApplicationContext service = IngestApplication.application()
				.run(serviceSettings(infrastructure))) {
				String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
				// warm-up at full size: the JIT, the connections, the topic's metadata
				for (String format : formats) {
					push(base, format, vacancies, infrastructureCpu);
				}
				for (int iteration = 1; iteration <= iterations; iteration++) {
					for (String format : formats) {
						rows.add(push(base, format, vacancies, infrastructureCpu).named("#" + iteration));
					}
				}
			}
			int recordSize = averagePublishedSize(bootstrapServers);
			KafkaProducerPerformance.Run tool;
			try (HeapSampler heap = new HeapSampler()) {
				long cpu = processCpuNanos();
				long infrastructureCpuBefore = infrastructureCpu.getAsLong();
				tool = KafkaProducerPerformance.send(bootstrapServers, "benchmark.perf." + UUID.randomUUID(), 6,
						vacancies, recordSize);
				rows.add(new Row("ProducerPerformance, " + recordSize + " B", vacancies, tool.nanos(), heap.peakBytes(),
						heap.peakAfterCollectionBytes(), processCpuNanos() - cpu,
						cpuSince(infrastructureCpu, infrastructureCpuBefore)));
			}
			try (HeapSampler heap = new HeapSampler()) {
				long cpu = processCpuNanos();
				long infrastructureCpuBefore = infrastructureCpu.getAsLong();
				RawProducer.Run raw = RawProducer.send(bootstrapServers, "benchmark.raw." + UUID.randomUUID(), 6,
						vacancies, recordSize);
				rows.add(new Row("plain producer loop, " + recordSize + " B", vacancies, raw.nanos(), heap.peakBytes(),
						heap.peakAfterCollectionBytes(), processCpuNanos() - cpu,
						cpuSince(infrastructureCpu, infrastructureCpuBefore)));
			}
			print(rows, tool);
			System.out.printf("(heap: this JVM, -Xmx%d MB, %s; the broker and MongoDB %s)%n",
					Runtime.getRuntime().maxMemory() / (1024 * 1024), "the service, its HTTP client and the documents",
					inProcess ? "in this JVM too" : "in a child JVM");
			System.out.printf("(load average over 1 min: %.1f before, %.1f after, on %d processors)%n", loadBefore,
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
		}
	}

	/** As command-line arguments, which win over the service's settings file. */
	private static String[] serviceSettings(Map<String, String> infrastructure) {
		Map<String, String> settings = new HashMap<>(infrastructure);
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
	private static Row push(String base, String format, int count, LongSupplier infrastructureCpu) throws Exception {
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
			long cpu = processCpuNanos();
			long infrastructureCpuBefore = infrastructureCpu.getAsLong();
			long started = System.nanoTime();
			HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString());
			long nanos = System.nanoTime() - started;
			cpu = processCpuNanos() - cpu;
			long infrastructureCpuNanos = cpuSince(infrastructureCpu, infrastructureCpuBefore);
			JsonNode receipt = JSON.readTree(response.body());
			if (response.statusCode() != 200 || receipt.path("published").asInt() != count) {
				throw new IllegalStateException("not every vacancy was acknowledged: " + response.statusCode() + " "
						+ response.body().substring(0, Math.min(500, response.body().length())));
			}
			return new Row(format + " feed, " + document.length / 1024 + " KB", count, nanos, heap.peakBytes(),
					heap.peakAfterCollectionBytes(), cpu, infrastructureCpuNanos);
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

	private static void print(List<Row> rows, KafkaProducerPerformance.Run tool) {
		System.out.println();
		System.out.println("ProducerPerformance: " + tool.summary());
		System.out.printf("%n%-32s %7s %9s %9s %9s %9s %9s %9s %10s%n", "run", "records", "time (ms)", "records/s",
				"heap (MB)", "GC'd (MB)", "CPU (ms)", "infra CPU", "vs ProdPerf");
		for (Row row : rows) {
			System.out.printf("%-32s %7d %9d %9.0f %9d %9d %9s %9s %9.2fx%n", row.name(), row.records(),
					row.nanos() / 1_000_000, row.records() / (row.nanos() / 1e9), row.peakHeapBytes() / (1024 * 1024),
					row.peakAfterCollectionBytes() / (1024 * 1024), millis(row.cpuNanos()),
					millis(row.infrastructureCpuNanos()),
					(row.records() / (row.nanos() / 1e9)) / tool.recordsPerSecond());
		}
		System.out
			.println("(heap: the most in use, sampled every ms; GC'd: the most left in use after any collection;");
		System.out.println(" CPU: this JVM's process CPU time during the request, all threads; infra CPU: the broker's"
				+ " and MongoDB's JVM's)");
	}

	private static String millis(long nanos) {
		return (nanos < 0) ? "-" : String.valueOf(nanos / 1_000_000);
	}

	private static long cpuSince(LongSupplier cpu, long before) {
		return (before < 0) ? -1 : cpu.getAsLong() - before;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/**
	 * @param peakHeapBytes the most heap in use seen
	 * @param peakAfterCollectionBytes the most heap left in use after a collection
	 * @param cpuNanos this JVM's CPU time during the run, or -1
	 * @param infrastructureCpuNanos the infrastructure JVM's CPU time in the run, or -1
	 */
	private record Row(String name, int records, long nanos, long peakHeapBytes, long peakAfterCollectionBytes,
			long cpuNanos, long infrastructureCpuNanos) {

		Row named(String suffix) {
			return new Row(this.name + " " + suffix, this.records, this.nanos, this.peakHeapBytes,
					this.peakAfterCollectionBytes, this.cpuNanos, this.infrastructureCpuNanos);
		}

	}

}

package uk.nhsjob.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhsjob.localstack.services.DemoSourceKey;
import uk.nhsjob.localstack.services.Service;
import uk.nhsjob.localstack.services.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;

class BannerTests {

	private static final List<Service> SERVICES = List.of(new Service("ingest-service", 8081, Path.of("i.jar")),
			new Service("matcher-service", 8082, Path.of("m.jar")),
			new Service("notifier-service", 8083, Path.of("n.jar")));

	private final StackLayout layout = new StackLayout(Path.of("/work/it's here"),
			Path.of("/work/it's here/.local-stack"));

	@Test
	void printsEveryAddressTheSecretsAndACurlThatPushesTheDemoFeed() {
		String banner = new Banner(Duration.ofSeconds(42), ServiceInstance.of(SERVICES, 1),
				new Banner.Kafka("127.0.0.1:9092", 1, 1, 1), "mongodb://127.0.0.1:27017", true, 1025, 1143,
				"http://localhost:8025", "http://127.0.0.1:8026/control", "admin-secret", "notifier-admin-secret",
				new DemoSourceKey("demo-trust", "key-1", DemoSourceKey.Origin.REGISTERED), this.layout.demoFeed(),
				this.layout, List.of(), false)
			.render();

		assertThat(banner).contains("started in 42 s")
			.contains("ingest       http://localhost:8081")
			.contains("matcher      http://localhost:8082")
			.contains("notifier     http://localhost:8083")
			.contains("inbox        http://localhost:8025")
			.contains("IMAP         127.0.0.1:1143")
			.contains("Kafka        127.0.0.1:9092")
			.contains("MongoDB      mongodb://127.0.0.1:27017")
			.contains("Control: http://127.0.0.1:8026/control")
			.contains("admin token  admin-secret   (ingest")
			.contains("             notifier-admin-secret   (notifier")
			.contains("demo source  demo-trust")
			.contains("demo key     key-1")
			.contains("curl -sS -X POST 'http://localhost:8081/api/v1/feeds/demo-trust'")
			.contains("-H 'Authorization: Bearer key-1' -H 'Content-Type: application/json'")
			.contains("--data-binary @'/work/it'\\''s here/.local-stack/samples/demo-feed.json'")
			.contains("dated today: .local-stack/samples/")
			.doesNotContain("brokers")
			.doesNotContain("Processes");
	}

	@Test
	void listsEveryInstanceAndBrokerOfAClusterWithTheirProcesses() {
		List<Banner.Child> children = List.of(new Banner.Child("kafka-1", 101), new Banner.Child("kafka-2", 102),
				new Banner.Child("kafka-3", 103), new Banner.Child("ingest-service-1", 104),
				new Banner.Child("matcher-service-2", 108));

		String banner = new Banner(Duration.ofSeconds(90), ServiceInstance.of(SERVICES, 2),
				new Banner.Kafka("127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094", 3, 3, 2), "mongodb://127.0.0.1:27017",
				true, 1025, 1143, "http://localhost:8025", "http://127.0.0.1:8026/control", "admin-secret",
				"notifier-admin-secret", new DemoSourceKey("demo-trust", "key-1", DemoSourceKey.Origin.REGISTERED),
				this.layout.demoFeed(), this.layout, children, false)
			.render();

		assertThat(banner).contains("ingest       http://localhost:8081   http://localhost:8181")
			.contains("matcher      http://localhost:8082   http://localhost:8182")
			.contains("notifier     http://localhost:8083   http://localhost:8183")
			.contains("Kafka        127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094")
			.contains("3 brokers, KRaft, each also a controller; topics with 3 copies, 2 in sync")
			.contains("kafka-1 101")
			.contains("kafka-3 103")
			.contains("matcher-service-2 108")
			.contains("--restart-crashed starts it again")
			// the demo feed goes to the first ingest instance
			.contains("curl -sS -X POST 'http://localhost:8081/api/v1/feeds/demo-trust'");
	}

	@Test
	void hidesThePasswordOfAMongoDbUri() {
		assertThat(Banner.withoutPassword("mongodb://app:s3cr%40t@db.example:27017/x?authSource=admin"))
			.isEqualTo("mongodb://app:****@db.example:27017/x?authSource=admin");
		assertThat(Banner.withoutPassword("mongodb://127.0.0.1:27017")).isEqualTo("mongodb://127.0.0.1:27017");
	}

}

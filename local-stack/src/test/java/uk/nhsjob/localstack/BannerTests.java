package uk.nhsjob.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhsjob.localstack.services.DemoSourceKey;
import uk.nhsjob.localstack.services.Service;

import static org.assertj.core.api.Assertions.assertThat;

class BannerTests {

	private final StackLayout layout = new StackLayout(Path.of("/work/it's here"),
			Path.of("/work/it's here/.local-stack"));

	@Test
	void printsEveryAddressTheSecretsAndACurlThatPushesTheDemoFeed() {
		List<Service> services = List.of(new Service("ingest-service", 8081, Path.of("i.jar")),
				new Service("matcher-service", 8082, Path.of("m.jar")),
				new Service("notifier-service", 8083, Path.of("n.jar")));

		String banner = new Banner(Duration.ofSeconds(42), services, "127.0.0.1:9092", "mongodb://127.0.0.1:27017",
				true, 1025, 1143, "http://localhost:8025", "admin-secret",
				new DemoSourceKey("demo-trust", "key-1", DemoSourceKey.Origin.REGISTERED), this.layout.demoFeed(),
				this.layout)
			.render();

		assertThat(banner).contains("started in 42 s")
			.contains("ingest       http://localhost:8081")
			.contains("matcher      http://localhost:8082")
			.contains("notifier     http://localhost:8083")
			.contains("inbox        http://localhost:8025")
			.contains("IMAP         127.0.0.1:1143")
			.contains("Kafka        127.0.0.1:9092")
			.contains("MongoDB      mongodb://127.0.0.1:27017")
			.contains("admin token  admin-secret")
			.contains("demo source  demo-trust")
			.contains("demo key     key-1")
			.contains("curl -sS -X POST 'http://localhost:8081/api/v1/feeds/demo-trust'")
			.contains("-H 'Authorization: Bearer key-1' -H 'Content-Type: application/json'")
			.contains("--data-binary @'/work/it'\\''s here/.local-stack/samples/demo-feed.json'")
			.contains("dated today: .local-stack/samples/");
	}

	@Test
	void hidesThePasswordOfAMongoDbUri() {
		assertThat(Banner.withoutPassword("mongodb://app:s3cr%40t@db.example:27017/x?authSource=admin"))
			.isEqualTo("mongodb://app:****@db.example:27017/x?authSource=admin");
		assertThat(Banner.withoutPassword("mongodb://127.0.0.1:27017")).isEqualTo("mongodb://127.0.0.1:27017");
	}

}

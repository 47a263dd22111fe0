package uk.nhsjob.localstack.services;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Against a stand-in for the ingest service's admin and feed API (docs/feeds.md). */
class DemoSourceTests {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer ingest;

	private volatile boolean registered;

	private volatile Set<String> acceptedKeys = Set.of();

	private volatile int listingAnswers = 200;

	private DemoSource demo;

	@BeforeEach
	void startIngest() throws IOException {
		this.ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.ingest.createContext("/", this::handle);
		this.ingest.start();
		this.demo = new DemoSource(HttpClient.newHttpClient(),
				URI.create("http://127.0.0.1:" + this.ingest.getAddress().getPort()), "admin-token");
	}

	@AfterEach
	void stopIngest() {
		this.ingest.stop(0);
	}

	@Test
	void registersTheDemoTrustAndReturnsItsNewKey() {
		DemoSourceKey key = this.demo.register(Optional.empty());

		assertThat(key).isEqualTo(new DemoSourceKey("demo-trust", "key-1", DemoSourceKey.Origin.REGISTERED));
		assertThat(this.requests).containsExactly("POST /api/v1/admin/sources Bearer admin-token "
				+ "{\"sourceId\":\"demo-trust\",\"name\":\"Demo NHS Foundation Trust\",\"employerType\":\"NHS_TRUST\",\"postcode\":\"LS1 3EX\"}");
	}

	@Test
	void reusesTheKeptKeyWhenTheSourceExistsAndTheKeyStillWorks() {
		this.registered = true;
		this.acceptedKeys = Set.of("kept-key");

		assertThat(this.demo.register(Optional.of("kept-key")))
			.isEqualTo(new DemoSourceKey("demo-trust", "kept-key", DemoSourceKey.Origin.KEPT));
		assertThat(this.requests).last().isEqualTo("GET /api/v1/feeds/demo-trust/vacancies Bearer kept-key ");
	}

	@Test
	void reusesTheKeptKeyWhenTheIngestServiceCannotSayWhetherItWorks() {
		this.registered = true;
		this.listingAnswers = 404;

		assertThat(this.demo.register(Optional.of("kept-key")))
			.isEqualTo(new DemoSourceKey("demo-trust", "kept-key", DemoSourceKey.Origin.KEPT));
	}

	@Test
	void issuesANewKeyWhenTheSourceExistsButTheKeptKeyIsMissingOrRefused() {
		this.registered = true;

		assertThat(this.demo.register(Optional.of("stale-key")))
			.isEqualTo(new DemoSourceKey("demo-trust", "key-2", DemoSourceKey.Origin.ISSUED));
		assertThat(this.demo.register(Optional.empty()))
			.isEqualTo(new DemoSourceKey("demo-trust", "key-2", DemoSourceKey.Origin.ISSUED));
		assertThat(this.requests).contains("POST /api/v1/admin/sources/demo-trust/keys Bearer admin-token ");
	}

	@Test
	void saysWhatTheIngestServiceAnsweredWhenItRefuses() {
		this.demo = new DemoSource(HttpClient.newHttpClient(),
				URI.create("http://127.0.0.1:" + this.ingest.getAddress().getPort()), "wrong-token");

		assertThatIllegalStateException().isThrownBy(() -> this.demo.register(Optional.empty()))
			.withMessageContaining("Registering the demo source")
			.withMessageContaining("401");
	}

	private void handle(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getPath();
		this.requests.add(exchange.getRequestMethod() + " " + path + " " + authorization + " " + body);
		boolean admin = "Bearer admin-token".equals(authorization);
		if (path.equals("/api/v1/admin/sources") && admin) {
			respond(exchange, this.registered ? 409 : 201, "{\"sourceId\":\"demo-trust\",\"apiKey\":\"key-1\"}");
			this.registered = true;
		}
		else if (path.equals("/api/v1/admin/sources/demo-trust/keys") && admin) {
			respond(exchange, 201, "{\"keyId\":\"k2\",\"apiKey\":\"key-2\"}");
		}
		else if (path.equals("/api/v1/feeds/demo-trust/vacancies") && this.listingAnswers != 200) {
			respond(exchange, this.listingAnswers, "{}");
		}
		else if (path.equals("/api/v1/feeds/demo-trust/vacancies") && authorization != null
				&& this.acceptedKeys.contains(authorization.substring("Bearer ".length()))) {
			respond(exchange, 200, "[]");
		}
		else {
			respond(exchange, 401, "{\"title\":\"Unauthorized\"}");
		}
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}

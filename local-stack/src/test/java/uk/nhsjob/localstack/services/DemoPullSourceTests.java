package uk.nhsjob.localstack.services;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Against a stand-in for the ingest service's admin API (docs/feeds.md). */
class DemoPullSourceTests {

	private static final URI SITE = URI.create("http://127.0.0.1:8027/nhs-jobs/search.xml");

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer ingest;

	private volatile int registerAnswers = 201;

	private volatile int pullAnswers = 200;

	private DemoPullSource demo;

	@BeforeEach
	void startIngest() throws IOException {
		this.ingest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.ingest.createContext("/", this::handle);
		this.ingest.start();
		this.demo = new DemoPullSource(HttpClient.newHttpClient(),
				URI.create("http://127.0.0.1:" + this.ingest.getAddress().getPort()), "admin-token");
	}

	@AfterEach
	void stopIngest() {
		this.ingest.stop(0);
	}

	@Test
	void registersTheSourceAndSetsItsPullOfTheStacksNhsJobsSearch() {
		this.demo.register(SITE);

		assertThat(this.requests).containsExactly(
				"POST /api/v1/admin/sources Bearer admin-token {\"sourceId\":\"demo-nhs-jobs\",\"name\":\"Demo NHS Jobs "
						+ "search\",\"employerType\":\"NHS_TRUST\",\"postcode\":\"LS1 3EX\"}",
				"PUT /api/v1/admin/sources/demo-nhs-jobs/pull Bearer admin-token {\"url\":\"" + SITE
						+ "\",\"format\":\"nhs-jobs-xml\",\"every\":\"PT15M\",\"mode\":\"snapshot\"}");
	}

	@Test
	void setsThePullAgainWhenTheSourceIsRegisteredAlready() {
		this.registerAnswers = 409;

		this.demo.register(SITE);

		assertThat(this.requests).last().asString().startsWith("PUT /api/v1/admin/sources/demo-nhs-jobs/pull");
	}

	@Test
	void saysWhyWhenTheIngestServiceRefusesThePull() {
		this.pullAnswers = 400;

		assertThatIllegalStateException().isThrownBy(() -> this.demo.register(SITE))
			.withMessageContaining("Setting the demo source's pull")
			.withMessageContaining("400");
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
					+ exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
			int status = exchange.getRequestMethod().equals("PUT") ? this.pullAnswers : this.registerAnswers;
			byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
	}

}

package uk.nhsjob.localstack.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.localstack.mail.MailServer;
import uk.nhsjob.localstack.mail.MailStore;
import uk.nhsjob.localstack.mail.SmtpMode;
import uk.nhsjob.localstack.mongo.EmbeddedMongo;
import uk.nhsjob.localstack.process.ChildProcess;
import uk.nhsjob.localstack.process.RestartBackOff;
import uk.nhsjob.localstack.process.Restartable;
import uk.nhsjob.localstack.process.Supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The control interface over HTTP, on free ports, with the real embedded MongoDB, mail
 * server and a real child JVM watched by the supervisor.
 */
class ControlServerTests {

	private static final String HOST = "127.0.0.1";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path folder;

	private EmbeddedMongo mongo;

	private MailServer mail;

	private ControlServer control;

	private final List<AutoCloseable> closing = new ArrayList<>();

	@BeforeEach
	void start() {
		this.mongo = EmbeddedMongo.start(HOST, 0, this.folder.resolve("mongo/nhsjob.mv"));
		this.mail = MailServer.start(HOST, 0, 0, new MailStore(this.folder.resolve("mail")));
		this.control = ControlServer.start(HOST, 0, this.mongo, this.mail);
	}

	@AfterEach
	void stop() throws Exception {
		Collections.reverse(this.closing);
		for (AutoCloseable each : this.closing) {
			each.close();
		}
		this.control.close();
		this.mail.close();
		this.mongo.close();
	}

	@Test
	void showsTheStatusAndSetsTheSmtpMode() throws Exception {
		HttpResponse<String> status = get("/control/status");
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.headers().firstValue("Content-Type")).contains("application/json");
		assertThat(this.json.readTree(status.body()))
			.isEqualTo(this.json.readTree("{\"mongo\":\"running\",\"smtp\":\"accept\",\"processes\":[]}"));

		HttpResponse<String> refuse = post("/control/smtp/mode?mode=refuse-data");
		assertThat(refuse.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(refuse.body()).get("smtp").asString()).isEqualTo("refuse-data");
		assertThat(this.mail.smtpMode()).isEqualTo(SmtpMode.REFUSE_DATA);

		assertThat(post("/control/smtp/mode?mode=unavailable").statusCode()).isEqualTo(200);
		assertThat(this.mail.smtpMode()).isEqualTo(SmtpMode.UNAVAILABLE);
		assertThat(post("/control/smtp/mode?mode=accept").statusCode()).isEqualTo(200);
		assertThat(this.mail.smtpMode()).isEqualTo(SmtpMode.ACCEPT);

		HttpResponse<String> bad = post("/control/smtp/mode?mode=sometimes");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(bad.body()).get("error").asString()).contains("accept, unavailable, refuse-data");
		assertThat(post("/control/smtp/mode").statusCode()).isEqualTo(400);
		assertThat(this.mail.smtpMode()).isEqualTo(SmtpMode.ACCEPT);

		assertThat(get("/control/smtp/mode?mode=accept").statusCode()).isEqualTo(405);
		assertThat(post("/control/status").statusCode()).isEqualTo(405);
		assertThat(get("/control/nothing").statusCode()).isEqualTo(404);
	}

	@Test
	void stopsAndStartsMongoDbKeepingItsDocumentsAndItsPort() throws Exception {
		try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(this.mongo.connectionString()))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
			.build())) {
			MongoCollection<Document> deliveries = client.getDatabase("nhsjob-notifier").getCollection("deliveries");
			deliveries.insertOne(new Document("_id", "delivery-1"));

			HttpResponse<String> stopped = post("/control/mongo/stop");
			assertThat(stopped.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(stopped.body()).get("mongo").asString()).isEqualTo("stopped");
			assertThat(post("/control/mongo/stop").statusCode()).isEqualTo(200);
			assertThatExceptionOfType(MongoException.class).isThrownBy(deliveries::countDocuments);

			HttpResponse<String> started = post("/control/mongo/start");
			assertThat(started.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(started.body()).get("mongo").asString()).isEqualTo("running");
			assertThat(post("/control/mongo/start").statusCode()).isEqualTo(200);
			assertThat(deliveries.find(new Document("_id", "delivery-1")).first()).isNotNull();
		}
	}

	@Test
	void refusesToStopAMongoDbOfTheUsersOwn() throws Exception {
		try (ControlServer external = ControlServer.start(HOST, 0, null, this.mail)) {
			HttpResponse<String> refused = post(external, "/control/mongo/stop");
			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(this.json.readTree(refused.body()).get("error").asString()).contains("MONGODB_URI");
			assertThat(post(external, "/control/mongo/start").statusCode()).isEqualTo(409);
			assertThat(this.json.readTree(get(external, "/control/status").body()).get("mongo").asString())
				.isEqualTo("external");
		}
	}

	@Test
	void killsAChildWhichTheSupervisorThenStartsAgain() throws Exception {
		List<String> said = Collections.synchronizedList(new ArrayList<>());
		Supervisor supervisor = new Supervisor(true,
				new RestartBackOff(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMinutes(2)), said::add,
				"unused", () -> false);
		this.closing.add(supervisor);
		WaitingChild child = new WaitingChild("kafka-2", waiter(), this.folder);
		this.closing.add(() -> child.process().stop(Duration.ofSeconds(10)));
		this.control.add(ChildKind.BROKER, child);
		supervisor.watch(child);
		await().atMost(Duration.ofSeconds(30)).until(() -> child.process().logTail(3).contains("ready"));
		long pid = child.process().pid();
		JsonNode listed = this.json.readTree(get("/control/status").body()).get("processes").get(0);
		assertThat(listed).isEqualTo(
				this.json.readTree("{\"name\":\"kafka-2\",\"kind\":\"broker\",\"pid\":" + pid + ",\"alive\":true}"));

		HttpResponse<String> killed = post("/control/processes/kafka-2/kill");

		assertThat(killed.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(killed.body()))
			.isEqualTo(this.json.readTree("{\"name\":\"kafka-2\",\"pid\":" + pid + "}"));
		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
		await().atMost(Duration.ofSeconds(60)).until(() -> said.contains("kafka-2 is ready again"));
		assertThat(said).anyMatch((line) -> line.startsWith("WARNING: kafka-2 (pid " + pid + ") exited with code 137"));
		JsonNode again = this.json.readTree(get("/control/status").body()).get("processes").get(0);
		assertThat(again.get("pid").asLong()).isEqualTo(child.process().pid()).isNotEqualTo(pid);
		assertThat(again.get("alive").asBoolean()).isTrue();

		assertThat(post("/control/processes/kafka-9/kill").statusCode()).isEqualTo(404);
	}

	@Test
	void listensOnLoopbackOnly() {
		assertThatIllegalArgumentException().isThrownBy(() -> ControlServer.start("0.0.0.0", 0, null, this.mail))
			.withMessageContaining("loopback");
		assertThat(this.control.url()).isEqualTo("http://127.0.0.1:" + this.control.port() + "/control");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(this.control, path);
	}

	private HttpResponse<String> post(String path) throws Exception {
		return post(this.control, path);
	}

	private HttpResponse<String> get(ControlServer server, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(server, path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ControlServer server, String path) throws Exception {
		return this.http.send(
				HttpRequest.newBuilder(uri(server, path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ControlServer server, String path) {
		return URI.create("http://" + HOST + ":" + server.port() + path);
	}

	/** A single-file Java program that says it is ready and waits to be stopped. */
	private Path waiter() throws IOException {
		Path source = this.folder.resolve("Waiter.java");
		Files.writeString(source, """
				public class Waiter {
					public static void main(String[] args) throws Exception {
						System.out.println("ready");
						new java.util.concurrent.CountDownLatch(1).await();
					}
				}
				""");
		return source;
	}

	/** A child that runs the waiter, again on every restart. */
	private static final class WaitingChild implements Restartable {

		private final String name;

		private final Path program;

		private final Path folder;

		private volatile ChildProcess current;

		WaitingChild(String name, Path program, Path folder) {
			this.name = name;
			this.program = program;
			this.folder = folder;
			this.current = launch();
		}

		private ChildProcess launch() {
			return ChildProcess.startJava(this.name, this.folder.resolve("stack"), List.of(this.program.toString()),
					Map.of(), this.folder, this.folder.resolve("logs/" + this.name + ".log"));
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public ChildProcess process() {
			return this.current;
		}

		@Override
		public ChildProcess restart() {
			this.current = launch();
			return this.current;
		}

		@Override
		public void awaitReady(Duration timeout) {
			await().atMost(timeout).until(() -> this.current.logTail(3).contains("ready") || !this.current.isAlive());
		}

	}

}

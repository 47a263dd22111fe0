package uk.nhsjob.localstack.control;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.localstack.mail.MailServer;
import uk.nhsjob.localstack.mail.SmtpMode;
import uk.nhsjob.localstack.mongo.EmbeddedMongo;
import uk.nhsjob.localstack.process.ChildProcess;
import uk.nhsjob.localstack.process.Restartable;

/**
 * The control interface, on the JDK's HTTP server on loopback only, answering JSON:
 * <ul>
 * <li>{@code GET /control/status}: {@link ControlStatus};
 * <li>{@code POST /control/mongo/stop}, {@code POST /control/mongo/start}: the embedded
 * MongoDB ({@code 409} when it is the user's own, {@code MONGODB_URI});
 * <li>{@code POST /control/smtp/mode?mode=accept|unavailable|refuse-data}
 * ({@link SmtpMode});
 * <li>{@code POST /control/processes/<name>/kill}: SIGKILL to a broker or an instance,
 * which the supervisor then reports (and starts again with {@code --restart-crashed}).
 * </ul>
 * It changes only what a run that tries faults needs, and shows no secret.
 */
public final class ControlServer implements AutoCloseable {

	public static final String PATH = "/control";

	private static final Pattern KILL = Pattern.compile(PATH + "/processes/([^/]+)/kill");

	private final HttpServer server;

	private final ExecutorService executor;

	private final @Nullable EmbeddedMongo mongo;

	private final MailServer mail;

	private final List<Controlled> children = new CopyOnWriteArrayList<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private ControlServer(HttpServer server, ExecutorService executor, @Nullable EmbeddedMongo mongo, MailServer mail) {
		this.server = server;
		this.executor = executor;
		this.mongo = mongo;
		this.mail = mail;
	}

	/**
	 * Starts the interface.
	 * @param host a loopback address ({@code 127.0.0.1})
	 * @param port the port, or 0 for a free one
	 * @param mongo the embedded MongoDB, or null when the stack uses the user's own
	 * @throws IllegalArgumentException when the host is not loopback
	 */
	public static ControlServer start(String host, int port, @Nullable EmbeddedMongo mongo, MailServer mail) {
		HttpServer server;
		try {
			InetAddress address = InetAddress.getByName(host);
			if (!address.isLoopbackAddress()) {
				throw new IllegalArgumentException("The control interface listens on loopback only, not " + host);
			}
			server = HttpServer.create(new InetSocketAddress(address, port), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the control interface on " + host + ":" + port, ex);
		}
		ExecutorService executor = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "control-http");
			thread.setDaemon(true);
			return thread;
		});
		ControlServer control = new ControlServer(server, executor, mongo, mail);
		server.createContext(PATH, control::handle);
		server.setExecutor(executor);
		server.start();
		return control;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Where a run reaches it: {@code http://127.0.0.1:<port>/control}. */
	public String url() {
		return "http://" + this.server.getAddress().getAddress().getHostAddress() + ":" + port() + PATH;
	}

	/** Lists the child in the status and lets it be killed by its name. */
	public void add(ChildKind kind, Restartable child) {
		this.children.add(new Controlled(kind, child));
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			respond(exchange);
		}
		catch (RuntimeException ex) {
			send(exchange, 500, new ControlStatus.Failure(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
		}
		finally {
			exchange.close();
		}
	}

	private void respond(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.equals(PATH) || path.equals(PATH + "/") || path.equals(PATH + "/status")) {
			if (allowed(exchange, "GET")) {
				send(exchange, 200, status());
			}
			return;
		}
		if (path.equals(PATH + "/mongo/stop") || path.equals(PATH + "/mongo/start")) {
			if (allowed(exchange, "POST")) {
				mongo(exchange, path.endsWith("/start"));
			}
			return;
		}
		if (path.equals(PATH + "/smtp/mode")) {
			if (allowed(exchange, "POST")) {
				smtpMode(exchange);
			}
			return;
		}
		Matcher kill = KILL.matcher(path);
		if (kill.matches()) {
			if (allowed(exchange, "POST")) {
				kill(exchange, kill.group(1));
			}
			return;
		}
		send(exchange, 404, new ControlStatus.Failure("No such control: " + path));
	}

	private void mongo(HttpExchange exchange, boolean start) throws IOException {
		if (this.mongo == null) {
			send(exchange, 409, new ControlStatus.Failure(
					"MongoDB is the one MONGODB_URI names, not the stack's own: it cannot be stopped or started here"));
			return;
		}
		if (start) {
			this.mongo.start();
		}
		else {
			this.mongo.stop();
		}
		send(exchange, 200, status());
	}

	private void smtpMode(HttpExchange exchange) throws IOException {
		String value = query(exchange).getOrDefault("mode", "");
		Optional<SmtpMode> mode = SmtpMode.of(value);
		if (mode.isEmpty()) {
			send(exchange, 400, new ControlStatus.Failure(
					"mode must be one of accept, unavailable, refuse-data, not \"" + value + "\""));
			return;
		}
		this.mail.setSmtpMode(mode.get());
		send(exchange, 200, status());
	}

	private void kill(HttpExchange exchange, String name) throws IOException {
		Optional<Controlled> child = this.children.stream()
			.filter((each) -> each.child().name().equals(name))
			.findFirst();
		if (child.isEmpty()) {
			send(exchange, 404, new ControlStatus.Failure("No broker or instance is called " + name));
			return;
		}
		ChildProcess process = child.get().child().process();
		process.kill();
		send(exchange, 200, new ControlStatus.Killed(name, process.pid()));
	}

	ControlStatus status() {
		String mongo = (this.mongo == null) ? "external" : (this.mongo.isRunning() ? "running" : "stopped");
		List<ControlStatus.Child> children = this.children.stream().map((each) -> {
			ChildProcess process = each.child().process();
			return new ControlStatus.Child(each.child().name(), each.kind().value(), process.pid(), process.isAlive());
		}).toList();
		return new ControlStatus(mongo, this.mail.smtpMode().value(), children);
	}

	private static Map<String, String> query(HttpExchange exchange) {
		String query = exchange.getRequestURI().getRawQuery();
		if (query == null || query.isEmpty()) {
			return Map.of();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			parameters.putIfAbsent(key, value);
		}
		return parameters;
	}

	private boolean allowed(HttpExchange exchange, String method) throws IOException {
		if (exchange.getRequestMethod().equals(method)) {
			return true;
		}
		exchange.getResponseHeaders().set("Allow", method);
		send(exchange, 405, new ControlStatus.Failure("Only " + method + " here"));
		return false;
	}

	private void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = this.json.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** A child with its kind. */
	private record Controlled(ChildKind kind, Restartable child) {

	}

}

package uk.nhsjob.localstack.inbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import uk.nhsjob.localstack.mail.MailStore;
import uk.nhsjob.localstack.mail.StoredMail;

/**
 * The web inbox, on the JDK's HTTP server: {@code /} lists the kept messages,
 * {@code /messages/<id>} shows one, {@code /messages/<id>/raw} is its source.
 */
public final class InboxServer implements AutoCloseable {

	private static final Pattern MESSAGE = Pattern.compile("/messages/(\\d{13}-\\d{4})(/raw)?");

	private final HttpServer server;

	private final ExecutorService executor;

	private final MailStore store;

	private final InboxPages pages = new InboxPages(ZoneId.systemDefault());

	/** Messages never change once kept, so each is read once. */
	private final Map<String, MessageView> views = new ConcurrentHashMap<>();

	private InboxServer(HttpServer server, ExecutorService executor, MailStore store) {
		this.server = server;
		this.executor = executor;
		this.store = store;
	}

	/**
	 * Starts the inbox.
	 * @param port the port, or 0 for a free one
	 */
	public static InboxServer start(String host, int port, MailStore store) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(host, port), 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the web inbox on " + host + ":" + port, ex);
		}
		ExecutorService executor = Executors.newFixedThreadPool(4, (task) -> {
			Thread thread = new Thread(task, "inbox-http");
			thread.setDaemon(true);
			return thread;
		});
		InboxServer inbox = new InboxServer(server, executor, store);
		server.createContext("/", inbox::handle);
		server.setExecutor(executor);
		server.start();
		return inbox;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			respond(exchange);
		}
		catch (RuntimeException ex) {
			send(exchange, 500, "text/plain; charset=utf-8", "The inbox failed: " + ex + "\n");
		}
		finally {
			exchange.close();
		}
	}

	private void respond(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		if (!method.equals("GET") && !method.equals("HEAD")) {
			exchange.getResponseHeaders().set("Allow", "GET, HEAD");
			send(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD\n");
			return;
		}
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/")) {
			List<MessageView> messages = this.store.all().stream().map(this::view).toList();
			sendPage(exchange, 200, this.pages.list(messages));
			return;
		}
		Matcher message = MESSAGE.matcher(path);
		Optional<StoredMail> mail = message.matches() ? this.store.find(message.group(1)) : Optional.empty();
		if (mail.isEmpty()) {
			sendPage(exchange, 404, this.pages.notFound());
		}
		else if (message.group(2) != null) {
			send(exchange, 200, "text/plain; charset=utf-8", mail.get().raw());
		}
		else {
			sendPage(exchange, 200, this.pages.message(view(mail.get())));
		}
	}

	private MessageView view(StoredMail mail) {
		return this.views.computeIfAbsent(mail.id(), (id) -> MimeMessages.read(mail));
	}

	private static void sendPage(HttpExchange exchange, int status, String html) throws IOException {
		exchange.getResponseHeaders().set("Content-Security-Policy", InboxPages.CONTENT_SECURITY_POLICY);
		send(exchange, status, "text/html; charset=utf-8", html);
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
		exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		boolean head = exchange.getRequestMethod().equals("HEAD");
		exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
		if (!head && body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}

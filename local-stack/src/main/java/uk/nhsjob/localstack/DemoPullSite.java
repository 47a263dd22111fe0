package uk.nhsjob.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The web site the demo pull source is fetched from: the two pages of a sample NHS Jobs
 * search, as the stack wrote them with today's dates ({@link SampleFeeds}), served over
 * plain http on loopback at {@code /nhs-jobs/search.xml?page=N} (page 1 without the
 * parameter). Its port is {@value #PORT} unless {@link #PORT_VARIABLE} names another.
 */
final class DemoPullSite implements AutoCloseable {

	static final int PORT = 8027;

	static final String PORT_VARIABLE = "LOCAL_STACK_DEMO_PULL_PORT";

	/** Set to {@code off}, the stack serves and registers no demo pull source. */
	static final String SWITCH_VARIABLE = "LOCAL_STACK_DEMO_PULL";

	static final String PATH = "/nhs-jobs/search.xml";

	static final List<String> PAGE_FILES = List.of("demo-nhs-jobs-page-1.xml", "demo-nhs-jobs-page-2.xml");

	private final HttpServer server;

	private final Path samples;

	private DemoPullSite(HttpServer server, Path samples) {
		this.server = server;
		this.samples = samples;
	}

	/** Serves the pages written in {@code samples}. */
	static DemoPullSite start(String host, int port, Path samples) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 0);
			DemoPullSite site = new DemoPullSite(server, samples);
			server.createContext(PATH, site::answer);
			server.start();
			return site;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot serve the demo pull source on " + host + ":" + port, ex);
		}
	}

	/** The address of the search's first page. */
	URI url() {
		InetSocketAddress address = this.server.getAddress();
		return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PATH);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			int page = page(exchange.getRequestURI().getRawQuery());
			if (!exchange.getRequestMethod().equals("GET") || page < 1 || page > PAGE_FILES.size()) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] body = Files.readAllBytes(this.samples.resolve(PAGE_FILES.get(page - 1)));
			exchange.getResponseHeaders().set("Content-Type", "application/xml; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}
	}

	/** The {@code page} parameter's value; 1 without it, 0 when it is not a number. */
	static int page(String query) {
		if (query == null) {
			return 1;
		}
		for (String parameter : query.split("&")) {
			if (parameter.startsWith("page=")) {
				try {
					return Integer.parseInt(parameter.substring(5));
				}
				catch (NumberFormatException ex) {
					return 0;
				}
			}
		}
		return 1;
	}

	/**
	 * Whether the stack runs the demo pull source: unless {@code LOCAL_STACK_DEMO_PULL}
	 * is {@code off} (a run that counts every email, such as the load run, wants no
	 * vacancy it did not push).
	 */
	static boolean isWanted(Map<String, String> environment) {
		return !"off".equalsIgnoreCase(environment.getOrDefault(SWITCH_VARIABLE, "").strip());
	}

	/**
	 * The site's port: {@value #PORT}, or the one {@code LOCAL_STACK_DEMO_PULL_PORT}
	 * names.
	 * @throws IllegalArgumentException when the variable is not a port
	 */
	static int port(Map<String, String> environment) {
		String value = environment.getOrDefault(PORT_VARIABLE, "").strip();
		if (value.isEmpty()) {
			return PORT;
		}
		try {
			int port = Integer.parseInt(value);
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new IllegalArgumentException(PORT_VARIABLE + " must be a port from 1 to 65535, not " + value);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

package uk.nhsjob.ingest.pull.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real web site on a free loopback port, plain or TLS (its certificate, for
 * {@code jobs.example.test}, is a test key store), that records the requests it is sent.
 */
final class PulledSite implements AutoCloseable {

	static final String HOST = "jobs.example.test";

	private static final String STORE = "/pull/pulled-site.p12";

	private static final char[] STORE_PASSWORD = "test-only".toCharArray();

	private final HttpServer server;

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private PulledSite(HttpServer server) {
		this.server = server;
		server.setExecutor(this.handlers);
		server.start();
	}

	static PulledSite plain() throws IOException {
		return new PulledSite(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
	}

	static PulledSite tls() throws Exception {
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store(), STORE_PASSWORD);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keys.getKeyManagers(), null, null);
		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(tls));
		return new PulledSite(server);
	}

	/** A client context that trusts this site's certificate, and nothing else. */
	static SSLContext trustingItsCertificate() throws Exception {
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("pulled-site", store().getCertificate("pulled-site"));
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(null, trust.getTrustManagers(), null);
		return tls;
	}

	/**
	 * Host names as a test's DNS would answer them: {@link #HOST} is loopback; a literal
	 * address is itself.
	 */
	static HostLookup names(Map<String, String> more) {
		return (host) -> {
			String address = host.equals(HOST) ? "127.0.0.1" : more.get(host);
			if (address != null) {
				return new InetAddress[] { InetAddress.getByName(address) };
			}
			if (host.matches("[0-9.]+") || host.contains(":")) {
				return new InetAddress[] { InetAddress.getByName(host) };
			}
			throw new UnknownHostException(host);
		};
	}

	void on(String path, HttpHandler handler) {
		this.server.createContext(path, (exchange) -> {
			this.requests.add(new Request(exchange.getRequestURI(), exchange.getRequestHeaders()));
			try (exchange) {
				handler.handle(exchange);
			}
		});
	}

	void answer(String path, int status, String body, Map<String, String> headers) {
		on(path, (exchange) -> send(exchange, status, body, headers));
	}

	static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
		headers.forEach(exchange.getResponseHeaders()::add);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	URI url(String scheme, String pathAndQuery) {
		return URI.create(scheme + "://" + HOST + ":" + this.server.getAddress().getPort() + pathAndQuery);
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.handlers.shutdownNow();
	}

	private static KeyStore store() throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = PulledSite.class.getResourceAsStream(STORE)) {
			store.load(in, STORE_PASSWORD);
		}
		return store;
	}

	record Request(URI uri, Headers headers) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

	}

}

package uk.nhsjob.ingest.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.ingest.ServiceClock;
import uk.nhsjob.localstack.SampleFeeds;

/**
 * A real HTTP server on loopback serving, for each source a test names, an NHS Jobs
 * search of two pages ({@code /{name}/jobs.xml?page=N}) with an {@code ETag}, and
 * answering {@code 304} to a request that sends it back. A test changes what a source's
 * site answers: its version (a new ETag), a failing page, an empty search.
 */
final class PulledSite implements AutoCloseable {

	static final List<String> PAGES = List.of(page("/corpus/nhs-jobs-search.xml"),
			page("/corpus/nhs-jobs-search-page-2.xml"));

	static final String EMPTY = "<nhsSearch><totalResults>0</totalResults><totalPages>1</totalPages><page>1</page>"
			+ "</nhsSearch>";

	private final HttpServer server;

	private final Map<String, Site> sites = new ConcurrentHashMap<>();

	PulledSite() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	/** A new site, serving both pages, version 1. */
	Site site(String name) {
		Site site = new Site(name);
		this.sites.put(name, site);
		return site;
	}

	String url(Site site) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/" + site.name + "/jobs.xml";
	}

	/** How many vacancies both pages hold. */
	static int vacanciesOnBothPages() {
		return PAGES.stream().mapToInt((page) -> page.split("<vacancyDetails>", -1).length - 1).sum();
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String name = exchange.getRequestURI().getPath().split("/")[1];
			Site site = this.sites.get(name);
			if (site == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			site.arrived(exchange);
			try {
				site.answer(exchange);
			}
			finally {
				site.inFlight.decrementAndGet();
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private static String page(String resource) {
		try (InputStream in = PulledSite.class.getResourceAsStream(resource)) {
			return SampleFeeds.fill(new String(in.readAllBytes(), StandardCharsets.UTF_8), ServiceClock.today());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What one source's site answers, and what it was asked. */
	static final class Site {

		final String name;

		volatile int version = 1;

		volatile int failingPage;

		volatile int failingStatus = 500;

		volatile boolean empty;

		volatile long delayMillis;

		final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();

		final AtomicInteger requests = new AtomicInteger();

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger mostInFlight = new AtomicInteger();

		Site(String name) {
			this.name = name;
		}

		String etag() {
			return "\"v" + this.version + "\"";
		}

		void arrived(HttpExchange exchange) {
			this.requests.incrementAndGet();
			this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			@Nullable String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
			if (sent != null) {
				this.ifNoneMatch.add(sent);
			}
		}

		void answer(HttpExchange exchange) throws IOException {
			if (this.delayMillis > 0) {
				try {
					Thread.sleep(this.delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			String query = exchange.getRequestURI().getQuery();
			int page = (query != null && query.startsWith("page=")) ? Integer.parseInt(query.substring(5)) : 1;
			if (page == this.failingPage) {
				exchange.sendResponseHeaders(this.failingStatus, -1);
				return;
			}
			if (page == 1 && etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.getResponseHeaders().set("ETag", etag());
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			byte[] body = (this.empty ? EMPTY : PAGES.get(page - 1)).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/xml");
			exchange.getResponseHeaders().set("ETag", etag());
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
		}

	}

}

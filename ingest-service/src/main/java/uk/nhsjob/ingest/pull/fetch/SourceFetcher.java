package uk.nhsjob.ingest.pull.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import uk.nhsjob.ingest.IngestSettings;

/**
 * Fetches a pulled source's document, safely and politely (docs/feeds.md, "Pulled sources
 * — how fetching is kept safe"): https only, plain http only to a loopback address when
 * that is allowed; every address a host resolves to checked before connecting
 * ({@link CheckingDnsResolver}); redirects followed here, each hop checked the same way;
 * connect and read timeouts and a deadline for the whole request; the page size limit
 * held while reading; conditional requests; NHS Jobs XML pages followed; JobPostings
 * gathered from a careers page.
 */
@Component
public class SourceFetcher implements AutoCloseable {

	private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");

	private static final Pattern DOTTED_QUAD = Pattern
		.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

	private final FetchSettings settings;

	private final long pageSizeLimit;

	private final CloseableHttpClient httpsClient;

	/** Null when loopback is not allowed, and so plain http never is. */
	private final @Nullable CloseableHttpClient plainClient;

	/** Cancels a request that outlives its deadline, however its server drips. */
	private final ScheduledThreadPoolExecutor deadlines;

	@Autowired
	public SourceFetcher(FetchSettings settings, IngestSettings ingestSettings) {
		this(settings, settings.pageSizeLimit(ingestSettings.maxFeedSize()), SSLContexts.createSystemDefault(),
				HostLookup.system());
	}

	/** With the trust of a test's TLS server, and its host names. */
	SourceFetcher(FetchSettings settings, DataSize pageSizeLimit, SSLContext tls, HostLookup lookup) {
		this.settings = settings;
		this.pageSizeLimit = pageSizeLimit.toBytes();
		this.httpsClient = client(new CheckingDnsResolver(lookup, settings.allowLoopback(), false), tls);
		this.plainClient = settings.allowLoopback() ? client(new CheckingDnsResolver(lookup, true, true), tls) : null;
		this.deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "pull-fetch-deadlines");
			thread.setDaemon(true);
			return thread;
		});
		this.deadlines.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Fetches the URL (and, for NHS_JOBS_XML, every further page), conditionally on the
	 * validators.
	 */
	public Fetch fetch(URI url, PullFormat format, Validators known) throws FetchFailedException {
		Answer first = follow(url, known, "");
		if (first.status() == 304) {
			return new Fetch.NotModified(
					new Validators((first.validators().etag() != null) ? first.validators().etag() : known.etag(),
							(first.validators().lastModified() != null) ? first.validators().lastModified()
									: known.lastModified()));
		}
		List<PulledPage> pages = switch (format) {
			case NHS_JOBS_XML -> nhsJobsPages(url, first);
			case JSON_LD ->
				List.of(new PulledPage(JsonLdPostings.gather(first.body(), first.contentType(), url.toString()),
						"application/ld+json"));
			case CSV -> List.of(new PulledPage(first.body(), "text/csv"));
			case JSON -> List.of(new PulledPage(first.body(), "application/json"));
		};
		return new Fetch.Pages(pages, first.validators(), first.status());
	}

	/**
	 * Null when the URL may be pulled (absolute, https, or http to loopback when loopback
	 * is allowed; no user info); else why not, for a 400 naming the field url. Does no
	 * DNS lookup.
	 */
	public @Nullable String problemWith(URI url) {
		if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null) {
			return "must be an absolute URL with a host";
		}
		if (url.getRawUserInfo() != null) {
			return "must not hold a user name or password";
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(scheme.equals("http") && this.settings.allowLoopback())) {
			return "must be an https URL";
		}
		InetAddress literal;
		try {
			literal = literalAddress(url.getHost());
		}
		catch (UnknownHostException ex) {
			return "must name a valid host";
		}
		if (literal != null) {
			String refused = PullAddresses.whyRefused(literal, this.settings.allowLoopback());
			if (refused != null) {
				return "must not name " + refused;
			}
			if (scheme.equals("http") && !literal.isLoopbackAddress()) {
				return "must be an https URL (plain http is only allowed to a loopback address)";
			}
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		this.deadlines.shutdownNow();
		this.httpsClient.close();
		if (this.plainClient != null) {
			this.plainClient.close();
		}
	}

	private List<PulledPage> nhsJobsPages(URI url, Answer first) {
		int totalPages = NhsJobsPages.totalPages(first.body());
		if (totalPages > this.settings.maxPages()) {
			// taking some pages of a snapshot would close the vacancies of the others
			throw new FetchFailedException("The feed has " + totalPages + " pages, more than the "
					+ this.settings.maxPages() + " a pull may fetch (nhsjob.ingest.pull.fetch.max-pages)", null, null);
		}
		List<PulledPage> pages = new ArrayList<>(totalPages);
		pages.add(new PulledPage(first.body(), "application/xml"));
		for (int page = 2; page <= totalPages; page++) {
			Answer next = follow(NhsJobsPages.page(url, page), Validators.none(),
					"Page " + page + " of " + totalPages + ": ");
			if (next.status() == 304) {
				throw new FetchFailedException("Page " + page + " of " + totalPages + ": the server answered 304", 304,
						null);
			}
			pages.add(new PulledPage(next.body(), "application/xml"));
		}
		return pages;
	}

	/**
	 * A GET, following redirects: each hop's URL and addresses checked before it is made.
	 */
	private Answer follow(URI url, Validators known, String which) {
		URI current = url;
		for (int redirects = 0;; redirects++) {
			String problem = problemWith(current);
			if (problem != null) {
				throw new FetchFailedException(
						which + ((redirects == 0) ? "The URL " : "A redirect went to a URL that ") + problem, null,
						null);
			}
			Answer answer = once(current, known, which);
			if (answer.location() == null) {
				if (answer.status() != 304 && (answer.status() < 200 || answer.status() > 299)) {
					throw new FetchFailedException(which + "The server answered " + answer.status(), answer.status(),
							null);
				}
				return answer;
			}
			if (redirects >= this.settings.maxRedirects()) {
				throw new FetchFailedException(
						which + "More than " + this.settings.maxRedirects() + " redirects were refused",
						answer.status(), null);
			}
			try {
				current = current.resolve(answer.location());
			}
			catch (IllegalArgumentException ex) {
				throw new FetchFailedException(which + "A redirect went to a malformed URL", answer.status(), ex);
			}
		}
	}

	/** One request; the body read, within the size limit, only from a 2xx answer. */
	private Answer once(URI url, Validators known, String which) {
		HttpGet get = new HttpGet(url);
		if (known.etag() != null) {
			get.setHeader(HttpHeaders.IF_NONE_MATCH, known.etag());
		}
		if (known.lastModified() != null) {
			get.setHeader(HttpHeaders.IF_MODIFIED_SINCE, known.lastModified());
		}
		CloseableHttpClient client = "http".equalsIgnoreCase(url.getScheme()) ? this.plainClient : this.httpsClient;
		if (client == null) {
			throw new FetchFailedException(which + "The URL must be an https URL", null, null);
		}
		AtomicBoolean expired = new AtomicBoolean();
		ScheduledFuture<?> deadline = this.deadlines.schedule(() -> {
			expired.set(true);
			get.cancel();
		}, this.settings.requestDeadline().toMillis(), TimeUnit.MILLISECONDS);
		ClassicHttpResponse response = null;
		boolean bodyRead = false;
		try {
			response = client.executeOpen(null, get, null);
			Answer answer = answer(response);
			bodyRead = answer.bodyRead();
			return answer;
		}
		catch (IOException ex) {
			throw failure(which, ex, expired.get());
		}
		finally {
			if (!bodyRead) {
				// drop the connection: closing the response would read the rest of a body
				// nobody wants (an error page, a redirect's, one past the size limit)
				get.cancel();
			}
			closeQuietly(response);
			deadline.cancel(false);
		}
	}

	private static void closeQuietly(@Nullable ClassicHttpResponse response) {
		if (response != null) {
			try {
				response.close();
			}
			catch (IOException ex) {
				// the connection was dropped or the body read to its end: nothing is lost
			}
		}
	}

	private Answer answer(ClassicHttpResponse response) throws IOException {
		int status = response.getCode();
		Validators validators = new Validators(header(response, HttpHeaders.ETAG),
				header(response, HttpHeaders.LAST_MODIFIED));
		String location = header(response, HttpHeaders.LOCATION);
		if (status >= 300 && status <= 399 && status != 304 && location != null) {
			return new Answer(status, location, new byte[0], null, validators, false);
		}
		if (status < 200 || status > 299) {
			return new Answer(status, null, new byte[0], null, validators, false);
		}
		HttpEntity entity = response.getEntity();
		byte[] body = (entity != null) ? read(entity) : new byte[0];
		return new Answer(status, null, body, (entity != null) ? entity.getContentType() : null, validators, true);
	}

	/**
	 * The body up to the size limit; past it, reading stops. The stream is not closed
	 * here: closing it would read the rest.
	 */
	private byte[] read(HttpEntity entity) throws IOException {
		if (entity.getContentLength() > this.pageSizeLimit) {
			throw tooLarge();
		}
		InputStream in = entity.getContent();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
			if (body.size() + read > this.pageSizeLimit) {
				throw tooLarge();
			}
			body.write(buffer, 0, read);
		}
		return body.toByteArray();
	}

	private FetchFailedException tooLarge() {
		return new FetchFailedException("The page is larger than the limit of " + DataSize.ofBytes(this.pageSizeLimit),
				null, null);
	}

	private FetchFailedException failure(String which, IOException ex, boolean expired) {
		if (expired) {
			return new FetchFailedException(
					which + "The request took longer than its deadline of " + this.settings.requestDeadline(), null,
					ex);
		}
		if (ex instanceof RefusedAddressException) {
			return new FetchFailedException(which + "Refused before connecting: " + ex.getMessage(), null, ex);
		}
		if (ex instanceof ConnectTimeoutException) {
			return new FetchFailedException(
					which + "No connection within the connect timeout of " + this.settings.connectTimeout(), null, ex);
		}
		if (ex instanceof SocketTimeoutException) {
			return new FetchFailedException(
					which + "No answer within the read timeout of " + this.settings.readTimeout(), null, ex);
		}
		if (ex instanceof UnknownHostException) {
			return new FetchFailedException(which + "The host was not found: " + ex.getMessage(), null, ex);
		}
		if (ex instanceof SSLException) {
			return new FetchFailedException(which + "The TLS connection failed: " + ex.getMessage(), null, ex);
		}
		if (ex instanceof InterruptedIOException) {
			return new FetchFailedException(which + "The request was interrupted", null, ex);
		}
		return new FetchFailedException(
				which + "The connection failed: " + ex.getClass().getSimpleName() + " " + ex.getMessage(), null, ex);
	}

	private static @Nullable String header(ClassicHttpResponse response, String name) {
		Header header = response.getFirstHeader(name);
		return (header != null) ? header.getValue() : null;
	}

	/** The address a literal host names, without any lookup; null for a host name. */
	private @Nullable InetAddress literalAddress(String host) throws UnknownHostException {
		if (DOTTED_NUMBERS.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
			throw new UnknownHostException("Not an IPv4 address: " + host);
		}
		if (host.startsWith("[") || DOTTED_NUMBERS.matcher(host).matches()) {
			// a literal is parsed, never looked up
			return InetAddress.getByName(host);
		}
		return null;
	}

	private CloseableHttpClient client(CheckingDnsResolver resolver, SSLContext tls) {
		Timeout connect = Timeout.of(this.settings.connectTimeout());
		Timeout read = Timeout.of(this.settings.readTimeout());
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(resolver)
				.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setConnectionRequestTimeout(connect)
				.setResponseTimeout(read)
				.setRedirectsEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent(this.settings.userAgent())
			.build();
	}

	/**
	 * What one request brought; bodyRead when the body was read to its end, so that the
	 * connection may serve again.
	 */
	private record Answer(int status, @Nullable String location, byte[] body, @Nullable String contentType,
			Validators validators, boolean bodyRead) {

	}

}

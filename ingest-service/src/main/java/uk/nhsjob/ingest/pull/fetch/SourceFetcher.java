package uk.nhsjob.ingest.pull.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Fetches a source's document. Placeholder until the fetch branch lands: the JDK
 * HttpClient, NHS Jobs XML pages followed through {@code page}/{@code totalPages} by a
 * {@code page} query parameter, none of the safety checks of the real one.
 */
@Component
public class SourceFetcher {

	private static final Pattern TOTAL_PAGES = Pattern.compile("<totalPages>\\s*(\\d+)\\s*</totalPages>");

	private final FetchSettings settings;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public SourceFetcher(FetchSettings settings) {
		this.settings = settings;
	}

	public Fetch fetch(URI url, PullFormat format, Validators known) throws FetchFailedException {
		Fetch first = fetchOne(url, format, known);
		if (!(first instanceof Fetch.Pages pages) || format != PullFormat.NHS_JOBS_XML) {
			return first;
		}
		Matcher total = TOTAL_PAGES.matcher(new String(pages.pages().get(0).body(), StandardCharsets.UTF_8));
		int totalPages = total.find() ? Integer.parseInt(total.group(1)) : 1;
		List<PulledPage> all = new ArrayList<>(pages.pages());
		for (int page = 2; page <= Math.min(totalPages, 50); page++) {
			Fetch next = fetchOne(withPage(url, page), format, Validators.none());
			if (!(next instanceof Fetch.Pages more)) {
				throw new FetchFailedException("Page " + page + " answered 304", 304, null);
			}
			all.addAll(more.pages());
		}
		return new Fetch.Pages(all, pages.validators(), pages.httpStatus());
	}

	private static URI withPage(URI url, int page) {
		String query = (url.getRawQuery() != null) ? url.getRawQuery().replaceAll("(^|&)page=[^&]*", "") : "";
		query = (query.isEmpty() ? "" : query.replaceFirst("^&", "") + "&") + "page=" + page;
		return URI.create(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "?" + query);
	}

	private Fetch fetchOne(URI url, PullFormat format, Validators known) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET();
		if (known.etag() != null) {
			request.header("If-None-Match", known.etag());
		}
		if (known.lastModified() != null) {
			request.header("If-Modified-Since", known.lastModified());
		}
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new FetchFailedException("Could not fetch " + url + ": " + ex.getMessage(), null, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchFailedException("Interrupted", null, ex);
		}
		Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
				response.headers().firstValue("Last-Modified").orElse(null));
		if (response.statusCode() == 304) {
			return new Fetch.NotModified(validators);
		}
		if (response.statusCode() != 200) {
			throw new FetchFailedException("The source answered HTTP " + response.statusCode(), response.statusCode(),
					null);
		}
		return new Fetch.Pages(List.of(new PulledPage(response.body(), contentType(format))), validators, 200);
	}

	/** Null when the URL may be pulled; else why not. No DNS lookup. */
	public @Nullable String problemWith(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!url.isAbsolute() || url.getHost() == null) {
			return "must be an absolute https URL";
		}
		boolean loopback = isLoopbackLiteral(url.getHost());
		if (scheme.equals("https") || (scheme.equals("http") && loopback && this.settings.allowLoopback())) {
			return (loopback && !this.settings.allowLoopback()) ? "must not point at a loopback address" : null;
		}
		return "must be an https URL";
	}

	private static boolean isLoopbackLiteral(String host) {
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!host.matches("[0-9.]+") && !host.startsWith("[")) {
			return false;
		}
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static String contentType(PullFormat format) {
		return switch (format) {
			case NHS_JOBS_XML -> "application/xml";
			case JSON_LD -> "application/ld+json";
			case CSV -> "text/csv";
			case JSON -> "application/json";
		};
	}

}

package uk.nhsjob.ingest.pull.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import org.springframework.util.MimeTypeUtils;

/**
 * The schema.org JobPostings of a json-ld pull, as one array for the JSON-LD feed reader.
 * The body is a JSON-LD document, or a careers page whose
 * {@code <script type="application/ld+json">} blocks hold them beside other things (an
 * Organization, breadcrumbs): postings are gathered from the top level, arrays and
 * {@code @graph}; everything else, and a block that is not JSON, is skipped.
 */
final class JsonLdPostings {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonLdPostings() {
	}

	static byte[] gather(byte[] body, @Nullable String contentType, String pageUrl) {
		ArrayNode postings = JSON.createArrayNode();
		if (isJson(body, contentType)) {
			try {
				collect(JSON.readTree(body), postings);
			}
			catch (JacksonException ex) {
				throw new FetchFailedException("The JSON-LD document is not valid JSON: " + ex.getOriginalMessage(),
						null, null);
			}
		}
		else {
			for (String block : scriptBlocks(body, charset(contentType), pageUrl)) {
				try {
					collect(JSON.readTree(block), postings);
				}
				catch (JacksonException ex) {
					// a broken block of someone else's (an analytics snippet, say) spoils
					// nothing
				}
			}
		}
		return JSON.writeValueAsBytes(postings);
	}

	private static List<String> scriptBlocks(byte[] html, @Nullable String charset, String pageUrl) {
		try {
			// the charset the server names; else from a byte order mark or <meta
			// charset>, else UTF-8
			Document page = Jsoup.parse(new ByteArrayInputStream(html), charset, pageUrl);
			return page.select("script[type]").stream().filter(JsonLdPostings::isJsonLd).map(Element::data).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("A byte array cannot fail to be read", ex);
		}
	}

	/** The charset a {@code Content-Type} names, when Java knows it. */
	private static @Nullable String charset(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			// an unknown charset or a malformed type: let the page say
			Charset named = MimeTypeUtils.parseMimeType(contentType).getCharset();
			return (named != null) ? named.name() : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isJsonLd(Element script) {
		String type = script.attr("type");
		int parameters = type.indexOf(';');
		return ((parameters < 0) ? type : type.substring(0, parameters)).strip()
			.equalsIgnoreCase("application/ld+json");
	}

	private static void collect(JsonNode node, ArrayNode postings) {
		if (node.isArray()) {
			for (JsonNode item : node) {
				collect(item, postings);
			}
		}
		else if (node.isObject()) {
			if (isJobPosting(node)) {
				postings.add(node);
			}
			else {
				collect(node.path("@graph"), postings);
			}
		}
	}

	private static boolean isJobPosting(JsonNode item) {
		JsonNode type = item.path("@type");
		for (JsonNode each : type.isArray() ? type : List.of(type)) {
			if (each.isString() && each.asString().endsWith("JobPosting")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isJson(byte[] body, @Nullable String contentType) {
		if (contentType != null) {
			String type = contentType.toLowerCase(java.util.Locale.ROOT);
			if (type.startsWith("application/ld+json") || type.startsWith("application/json")) {
				return true;
			}
			if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
				return false;
			}
		}
		for (byte each : body) {
			if (each == '{' || each == '[') {
				return true;
			}
			// whitespace and a UTF-8 byte order mark may come first
			if (!(Character.isWhitespace(each) || each == (byte) 0xef || each == (byte) 0xbb || each == (byte) 0xbf)) {
				return false;
			}
		}
		return false;
	}

}

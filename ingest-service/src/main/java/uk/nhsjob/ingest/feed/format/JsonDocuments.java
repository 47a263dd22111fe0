package uk.nhsjob.ingest.feed.format;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.ingest.normalise.FieldError;

/**
 * What the JSON formats share: values as the text the normaliser reads, and syntax errors
 * as an {@link UnreadableFeedException} naming the line.
 */
final class JsonDocuments {

	private JsonDocuments() {
	}

	/**
	 * A value as text: a string, number or boolean as written; a list of them joined with
	 * commas; nothing for null or missing. Anything else is a problem with the field.
	 */
	/**
	 * Reads one value of a document at a time as a tree; the rest of the document, after
	 * the value, is for the caller to read.
	 */
	static ObjectReader trees(JsonMapper json) {
		return json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	static @Nullable String text(JsonNode value, String field, List<FieldError> problems) {
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (value.isValueNode()) {
			return value.asString();
		}
		if (value.isArray() && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isValueNode)) {
			return StreamSupport.stream(value.spliterator(), false)
				.map(JsonNode::asString)
				.collect(Collectors.joining(", "));
		}
		problems.add(new FieldError(field, "must be text, a number, true or false"));
		return null;
	}

	/** A parser over the document, which may already find its encoding unreadable. */
	static JsonParser parser(JsonMapper json, byte[] document) throws UnreadableFeedException {
		try {
			return json.createParser(document);
		}
		catch (JacksonException ex) {
			throw UnreadableFeedException.atLine("The body is not valid JSON: " + ex.getOriginalMessage(), null);
		}
	}

	/** Where the parser is, when the exception does not say (a nesting limit, say). */
	static UnreadableFeedException notJson(JacksonException ex, JsonParser parser) {
		TokenStreamLocation location = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) ? ex.getLocation()
				: parser.currentLocation();
		Integer line = (location != null && location.getLineNr() > 0) ? location.getLineNr() : null;
		return UnreadableFeedException.atLine("The body is not valid JSON"
				+ ((line != null) ? " (line " + line + ", column " + location.getColumnNr() + ")" : "") + ": "
				+ ex.getOriginalMessage(), line);
	}

	static UnreadableFeedException shape(String message, String path, JsonParser parser) {
		int line = parser.currentLocation().getLineNr();
		return UnreadableFeedException.atPath(message + " (at " + path + ", line " + line + ")", path, line);
	}

}

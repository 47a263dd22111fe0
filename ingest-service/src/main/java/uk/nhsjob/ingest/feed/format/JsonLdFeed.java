package uk.nhsjob.ingest.feed.format;

import java.util.List;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * schema.org JobPosting as JSON-LD: one posting, an array of them, or a document whose
 * {@code @graph} holds them beside other things (an Organization, say), which are
 * skipped. Streamed: one posting's object at a time.
 */
@Component
class JsonLdFeed implements FeedReader {

	static final MediaType APPLICATION_LD_JSON = MediaType.parseMediaType("application/ld+json");

	private final JsonMapper json;

	private final ObjectReader trees;

	JsonLdFeed(JsonMapper json) {
		this.json = json;
		this.trees = JsonDocuments.trees(json);
	}

	@Override
	public List<MediaType> contentTypes() {
		return List.of(APPLICATION_LD_JSON);
	}

	@Override
	public void read(byte[] document, Consumer<FeedEntry> each) throws UnreadableFeedException {
		JsonParser parser = JsonDocuments.parser(this.json, document);
		try (parser) {
			JsonToken first = parser.nextToken();
			int[] index = { 0 };
			if (first == JsonToken.START_ARRAY) {
				readArray(parser, "$", index, each);
			}
			else if (first == JsonToken.START_OBJECT) {
				readObject(parser, index, each);
			}
			else {
				throw JsonDocuments.shape("The body must be a JobPosting, an array of them or an object with @graph",
						"$", parser);
			}
			if (parser.nextToken() != null) {
				throw JsonDocuments.shape("The body has more after its JSON document", "$", parser);
			}
		}
		catch (JacksonException ex) {
			throw JsonDocuments.notJson(ex, parser);
		}
	}

	/** A top-level object: either a posting itself or a container of {@code @graph}. */
	private void readObject(JsonParser parser, int[] index, Consumer<FeedEntry> each) throws UnreadableFeedException {
		ObjectNode posting = this.json.createObjectNode();
		boolean graph = false;
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
			if (token != JsonToken.PROPERTY_NAME) {
				throw JsonDocuments.shape("The JSON ended early", "$", parser);
			}
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("@graph".equals(name) && value == JsonToken.START_ARRAY) {
				graph = true;
				readArray(parser, "$['@graph']", index, each);
			}
			else if (!graph) {
				posting.set(name, this.trees.readValue(parser));
			}
			else {
				parser.skipChildren();
			}
		}
		if (!graph) {
			if (!JobPostings.isJobPosting(posting)) {
				throw JsonDocuments.shape("The object is not a schema.org JobPosting and has no @graph", "$", parser);
			}
			each.accept(new FeedEntry(index[0]++, null, JobPostings.vacancy(posting)));
		}
	}

	private void readArray(JsonParser parser, String path, int[] index, Consumer<FeedEntry> each)
			throws UnreadableFeedException {
		int position = 0;
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token != JsonToken.START_OBJECT) {
				throw JsonDocuments.shape("An item is not a JSON object", path + "[" + position + "]", parser);
			}
			JsonNode item = this.trees.readValue(parser);
			if (JobPostings.isJobPosting(item)) {
				each.accept(new FeedEntry(index[0]++, null, JobPostings.vacancy(item)));
			}
			position++;
		}
	}

}

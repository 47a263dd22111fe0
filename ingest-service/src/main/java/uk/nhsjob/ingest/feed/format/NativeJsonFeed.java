package uk.nhsjob.ingest.feed.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import uk.nhsjob.ingest.normalise.FieldError;
import uk.nhsjob.ingest.normalise.RawVacancy;

/**
 * The native JSON shape: {@code {"vacancies":[{"externalId", "title", …}]}}, streamed:
 * only one vacancy's object is in memory at a time. Values may be strings, numbers or
 * booleans; a list of them is joined with commas. Unknown fields are ignored.
 */
@Component
class NativeJsonFeed implements FeedReader {

	private static final String SHAPE = "The body must be a JSON object of the shape {\"vacancies\": [...]}";

	private final JsonMapper json;

	private final ObjectReader trees;

	NativeJsonFeed(JsonMapper json) {
		this.json = json;
		this.trees = JsonDocuments.trees(json);
	}

	@Override
	public List<MediaType> contentTypes() {
		return List.of(MediaType.APPLICATION_JSON);
	}

	@Override
	public void read(byte[] document, Consumer<FeedEntry> each) throws UnreadableFeedException {
		JsonParser parser = JsonDocuments.parser(this.json, document);
		try (parser) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw JsonDocuments.shape(SHAPE, "$", parser);
			}
			boolean found = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("vacancies".equals(name) && !found) {
					if (value != JsonToken.START_ARRAY) {
						throw JsonDocuments.shape(SHAPE, "$.vacancies", parser);
					}
					found = true;
					readVacancies(parser, each);
				}
				else {
					parser.skipChildren();
				}
			}
			if (!found) {
				throw JsonDocuments.shape(SHAPE, "$", parser);
			}
			if (parser.nextToken() != null) {
				throw JsonDocuments.shape("The body has more after its JSON object", "$", parser);
			}
		}
		catch (JacksonException ex) {
			throw JsonDocuments.notJson(ex, parser);
		}
	}

	private void readVacancies(JsonParser parser, Consumer<FeedEntry> each) throws UnreadableFeedException {
		int index = 0;
		for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
			if (token != JsonToken.START_OBJECT) {
				throw JsonDocuments.shape("A vacancy is not a JSON object", "$.vacancies[" + index + "]", parser);
			}
			JsonNode element = this.trees.readValue(parser);
			each.accept(new FeedEntry(index, null, vacancy(element)));
			index++;
		}
	}

	private static RawVacancy vacancy(JsonNode element) {
		Map<String, String> fields = new LinkedHashMap<>();
		List<FieldError> problems = new ArrayList<>();
		for (String name : RawVacancy.FIELDS) {
			String text = JsonDocuments.text(element.path(name), name, problems);
			if (text != null) {
				fields.put(name, text);
			}
		}
		return RawVacancy.of(fields, problems);
	}

}

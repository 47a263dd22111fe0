package uk.nhsjob.ingest.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import uk.nhsjob.ingest.normalise.FieldError;
import uk.nhsjob.ingest.normalise.RawVacancy;

/**
 * The native JSON shape: {@code {"vacancies":[{"externalId", "title", …}]}}. Values may
 * be strings, numbers or booleans; a list of them is joined with commas. Unknown fields
 * are ignored.
 */
@Component
class NativeJsonFeed implements FeedReader {

	private final JsonMapper json;

	NativeJsonFeed(JsonMapper json) {
		this.json = json;
	}

	@Override
	public List<MediaType> contentTypes() {
		return List.of(MediaType.APPLICATION_JSON);
	}

	@Override
	public List<RawVacancy> read(byte[] document) throws UnreadableFeedException {
		JsonNode root;
		try {
			root = this.json.readTree(document);
		}
		catch (JacksonException ex) {
			throw new UnreadableFeedException("The body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject() || !root.path("vacancies").isArray()) {
			throw new UnreadableFeedException("The body must be a JSON object of the shape {\"vacancies\": [...]}.");
		}
		List<RawVacancy> vacancies = new ArrayList<>();
		for (JsonNode element : root.path("vacancies")) {
			if (!element.isObject()) {
				throw new UnreadableFeedException("vacancies[" + vacancies.size() + "] is not a JSON object.");
			}
			vacancies.add(vacancy(element));
		}
		return vacancies;
	}

	private static RawVacancy vacancy(JsonNode element) {
		Map<String, String> fields = new LinkedHashMap<>();
		List<FieldError> problems = new ArrayList<>();
		for (String name : RawVacancy.FIELDS) {
			JsonNode value = element.path(name);
			if (value.isMissingNode() || value.isNull()) {
				continue;
			}
			if (value.isValueNode()) {
				fields.put(name, value.asString());
			}
			else if (value.isArray()
					&& StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isValueNode)) {
				fields.put(name,
						StreamSupport.stream(value.spliterator(), false)
							.map(JsonNode::asString)
							.collect(Collectors.joining(", ")));
			}
			else {
				problems.add(new FieldError(name, "must be text, a number, true or false"));
			}
		}
		return RawVacancy.of(fields, problems);
	}

}

package uk.nhsjob.ingest.feed.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/** The feed readers as the service makes them, for tests that read without HTTP. */
final class Readers {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private Readers() {
	}

	static NativeJsonFeed nativeJson() {
		return new NativeJsonFeed(JSON);
	}

	static JsonLdFeed jsonLd() {
		return new JsonLdFeed(JSON);
	}

	static NhsJobsXmlFeed xml() {
		return new NhsJobsXmlFeed();
	}

	static CsvFeed csv() {
		return new CsvFeed();
	}

	static List<FeedEntry> read(FeedReader reader, String document) throws UnreadableFeedException {
		return read(reader, document.getBytes(StandardCharsets.UTF_8));
	}

	static List<FeedEntry> read(FeedReader reader, byte[] document) throws UnreadableFeedException {
		List<FeedEntry> entries = new ArrayList<>();
		reader.read(document, entries::add);
		return entries;
	}

}

package uk.nhsjob.ingest.feed.format;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Runs the seeds under {@code CsvFeedFuzzTestsInputs} in every build; with
 * {@code JAZZER_FUZZ=1} it fuzzes (one fuzz test per run: choose it with
 * {@code -Dtest=CsvFeedFuzzTests}).
 */
class CsvFeedFuzzTests {

	private final FeedReader reader = Readers.csv();

	@FuzzTest(maxDuration = "2m")
	void readsOrRefusesAnyBytes(byte[] document) {
		FuzzProperty.readsOrRefuses(this.reader, document);
	}

}

package uk.nhsjob.ingest.feed.format;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property every parser is fuzzed for: whatever the bytes, it either hands on
 * vacancies, numbered 0, 1, 2 … in order, or throws {@link UnreadableFeedException} with
 * a message; nothing else escapes.
 */
final class FuzzProperty {

	private FuzzProperty() {
	}

	static void readsOrRefuses(FeedReader reader, byte[] document) {
		int[] next = { 0 };
		try {
			reader.read(document, (entry) -> {
				assertThat(entry.index()).isEqualTo(next[0]++);
				assertThat(entry.vacancy()).isNotNull();
			});
		}
		catch (UnreadableFeedException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

}

package uk.nhsjob.ingest.feed.format;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NativeJsonFeedTests {

	@Test
	void readsVacanciesWhereverTheyAreInTheObject() throws Exception {
		List<FeedEntry> entries = Readers.read(Readers.nativeJson(),
				"{\"source\": {\"x\": [1, {\"y\": 2}]}, \"vacancies\": [{\"externalId\": \"A\", \"remote\": true, "
						+ "\"hours\": 22.5, \"workingPattern\": [\"Part time\", \"Job share\"]}], \"more\": null}");

		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.index()).isZero();
			assertThat(entry.vacancy().externalId()).isEqualTo("A");
			assertThat(entry.vacancy().remote()).isEqualTo("true");
			assertThat(entry.vacancy().hours()).isEqualTo("22.5");
			assertThat(entry.vacancy().workingPattern()).isEqualTo("Part time, Job share");
		});
	}

	@Test
	void handsOnEachVacancyBeforeReadingTheNext() {
		List<String> seen = new ArrayList<>();

		assertThatExceptionOfType(UnreadableFeedException.class).isThrownBy(() -> Readers.nativeJson()
			.read("{\"vacancies\": [{\"externalId\": \"A\"}, {\"externalId\": \"B\"}, {".getBytes(),
					(entry) -> seen.add(entry.vacancy().externalId())));
		assertThat(seen).containsExactly("A", "B");
	}

	@Test
	void refusesBrokenJsonNamingTheLine() {
		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.read(Readers.nativeJson(), "{\"vacancies\": [\n{\"a\": 1},\n{\"b\" 2}]}"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3))
			.withMessageContaining("line 3");
	}

	@Test
	void refusesAVacancyThatIsNotAnObjectNamingItsPath() {
		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.read(Readers.nativeJson(), "{\"vacancies\": [{}, \"a string\"]}"))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo("$.vacancies[1]"));
	}

	@Test
	void refusesMoreAfterTheDocument() {
		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.read(Readers.nativeJson(), "{\"vacancies\": []} {\"vacancies\": []}"));
	}

	@Test
	void refusesJsonNestedDeeperThanAnyFeedNeeds() {
		String deep = "{\"vacancies\": [{\"title\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}]}";

		assertThatExceptionOfType(UnreadableFeedException.class)
			.isThrownBy(() -> Readers.read(Readers.nativeJson(), deep))
			.withMessageContaining("nesting");
	}

}

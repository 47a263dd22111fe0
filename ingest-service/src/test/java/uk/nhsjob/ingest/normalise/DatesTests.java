package uk.nhsjob.ingest.normalise;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-31", "2026-12-31T23:59:59", "2026-12-31T23:59:59Z", "2027-01-01T00:30:00+01:00",
			"31/12/2026", "31/12/26", "31-12-2026", "31.12.2026", "31 December 2026", "31 Dec 2026", "31-Dec-2026",
			"31-DEC-2026", "31st December 2026", "Thursday 31 December 2026", " 31/12/2026 " })
	void readsTheDatesFeedsWrite(String text) {
		assertThat(Dates.parse(text)).hasValue(LocalDate.of(2026, 12, 31));
	}

	@ParameterizedTest
	@ValueSource(strings = { "30 Sept 2026", "30 Sep 2026", "30-Sep-2026", "30/9/2026" })
	void readsSeptemberHoweverItIsShortened(String text) {
		assertThat(Dates.parse(text)).hasValue(LocalDate.of(2026, 9, 30));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "soon", "12/31/2026", "31/02/2026", "2026-13-01", "ASAP" })
	void readsNothingElse(String text) {
		assertThat(Dates.parse(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-06-30T23:30:00Z" })
	void takesAnInstantOnTheDayItIsInLondon(String text) {
		assertThat(Dates.parse(text)).hasValue(LocalDate.of(2026, 7, 1));
	}

}

package uk.nhsjob.ingest.normalise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhsjob.common.vocabulary.Band;

import static org.assertj.core.api.Assertions.assertThat;

class BandsTests {

	@ParameterizedTest(name = "{0} is {1} to {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Band 4                        | 4  | 4
			AfC Band 4                    | 4  | 4
			B4                            | 4  | 4
			Band 3/4                      | 3  | 4
			Band 3-4                      | 3  | 4
			Bands 3 to 4                  | 3  | 4
			Band 8a                       | 8a | 8a
			BAND 8A-8B                    | 8a | 8b
			Band 5/4                      | 4  | 5
			Medical Secretary (Band 3)    | 3  | 3
			4                             | 4  | 4
			8b                            | 8b | 8b
			3/4                           | 3  | 4
			""")
	void readsStatedBands(String text, String min, String max) {
		assertThat(Bands.field(text)).hasValue(new BandRange(Band.fromLabel(min), Band.fromLabel(max)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Band 1", "Band 10", "Band 45", "Competitive", "Medical Secretary", "bandwidth 4" })
	void findsNoBandWhereNoneIsStated(String text) {
		assertThat(Bands.field(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "£27,485 - £30,162", "37.5 hours", "B12 9AA" })
	void doesNotTakeOtherNumbersForBands(String text) {
		assertThat(Bands.named(text)).isEmpty();
	}

}

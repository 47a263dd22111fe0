package uk.nhsjob.platform.postcode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostcodeTests {

	@ParameterizedTest
	@CsvSource({ "ls14ap, LS1 4AP", "LS1 4AP, LS1 4AP", "' ls1   4ap ', LS1 4AP", "sw1a1aa, SW1A 1AA",
			"EC1A 1BB, EC1A 1BB", "m11ae, M1 1AE", "b338th, B33 8TH", "ls6, LS6", "Ls6, LS6", "w1, W1", "SW1A, SW1A" })
	void normalisesHoweverItWasTyped(String typed, String normalised) {
		assertThat(Postcode.parse(typed)).map(Postcode::toString).contains(normalised);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "LS1 4A", "1LS 4AP", "LS1 4APX", "L", "LS1-4AP", "ZZZZ9 9ZZ", "<script>",
			"LS1 4AP LS1 4AP LS1 4AP" })
	void refusesWhatIsNotAPostcode(String typed) {
		assertThat(Postcode.parse(typed)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "LS1 4AP, LS1 4", "M1 1AE, M1 1" })
	void aFullPostcodeHasASector(String postcode, String sector) {
		assertThat(Postcode.parse(postcode).orElseThrow().sector()).contains(sector);
	}

}

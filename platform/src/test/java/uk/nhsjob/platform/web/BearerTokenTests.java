package uk.nhsjob.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Bearer abc123|abc123", "bearer abc123|abc123", "BEARER  abc123  |abc123" })
	void readsTheTokenWhateverTheSchemesCaseAndSurroundingSpaces(String header, String token) {
		assertThat(BearerToken.of(header)).contains(token);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "Bearer", "Bearer ", "Bearer    ", "Basic abc123", "abc123", "Bearerabc123" })
	void findsNoTokenWithoutTheBearerSchemeOrWithAnEmptyOne(String header) {
		assertThat(BearerToken.of(header)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "512, true", "513, false" })
	void refusesTokensFarLongerThanAnyIssued(int length, boolean accepted) {
		assertThat(BearerToken.of("Bearer " + "k".repeat(length)).isPresent()).isEqualTo(accepted);
	}

}

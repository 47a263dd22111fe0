package uk.nhsjob.ingest.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class PostcodesTests {

	static final Postcodes postcodes = new Postcodes(PostcodeDirectory.load());

	@ParameterizedTest(name = "{0} is {1} at {2},{3}")
	@CsvSource(textBlock = """
			ls14ap,   LS1 4AP, 53.79592, -1.55370
			LS1  4AP, LS1 4AP, 53.79592, -1.55370
			LS6,      LS6,     53.81846, -1.56617
			""")
	void normalisesAndLocatesAPostcode(String text, String postcode, double latitude, double longitude) {
		Postcodes.Location location = postcodes.resolve(text);

		assertThat(location.postcode()).hasToString(postcode);
		assertThat(location.coordinates()).isNotNull();
		assertThat(location.coordinates().latitude()).isCloseTo(latitude, within(1e-5));
		assertThat(location.coordinates().longitude()).isCloseTo(longitude, within(1e-5));
	}

	@Test
	void acceptsNorthernIrishPostcodesWithoutCoordinates() {
		Postcodes.Location belfast = postcodes.resolve("BT1 1AA");

		assertThat(belfast.postcode()).hasToString("BT1 1AA");
		assertThat(belfast.coordinates()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "LS1 XYZ", "not a postcode", "12345", "ZZ9 9ZZ", "" })
	void refusesWhatIsNoUkPostcode(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> postcodes.resolve(text));
	}

}

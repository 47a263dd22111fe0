package uk.nhsjob.ingest.normalise;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTests {

	/**
	 * Words are cut by hand for speed: as the regular expression they replace cuts them.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Trauma & Orthopaedics", "Medical Secretary - T&O (Band 4)", "  lots   of\tspace  ",
			"Médecin—secrétaire", "½ time, Ⅻ hours, ² squared", "emoji 😀 in 𝐦𝐚𝐭𝐡 letters", "", "---", "a1b2_c3",
			"İstanbul ΣΊΣΥΦΟΣ" })
	void cutsTextIntoWordsAsTheRegularExpressionWould(String text) {
		String expected = (" " + text + " ").toLowerCase(Locale.ROOT)
			.replace("&", " and ")
			.replaceAll("[^\\p{L}\\p{N}]+", " ");

		assertThat(" " + Words.of(text) + " ").isEqualTo(expected.isBlank() ? "  " : expected);
	}

}

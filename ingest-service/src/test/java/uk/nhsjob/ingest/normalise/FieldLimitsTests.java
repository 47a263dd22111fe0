package uk.nhsjob.ingest.normalise;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** Control characters and over-long values reject a vacancy, naming the field. */
class FieldLimitsTests {

	static final List<String> FIELDS = RawVacancy.FIELDS;

	static VacancyNormaliser normaliser;

	@BeforeAll
	static void setUp() throws IOException {
		normaliser = new VacancyNormaliser(new Postcodes(PostcodeDirectory.load()), PayScaleTests.shipped(),
				VacancyNormaliserTests.CLOCK);
	}

	@ParameterizedTest
	@FieldSource("FIELDS")
	void rejectsANulCharacterInAnyFieldNamingTheField(String field) {
		assertRejectedFor(field, "ab\u0000cd");
	}

	@ParameterizedTest
	@FieldSource("FIELDS")
	void rejectsAnEscapeOrC1ControlInAnyFieldNamingTheField(String field) {
		assertRejectedFor(field, "ab\u001b[31mcd");
		assertRejectedFor(field, "ab\u0085cd");
	}

	@ParameterizedTest
	@FieldSource("FIELDS")
	void rejectsAValueLongerThanItsFieldHolds(String field) {
		assertRejectedFor(field, "a".repeat(FieldLimits.lengthOf(field) + 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "externalId", "reference", "applyUrl" })
	void rejectsLineBreaksInIdsAndLinks(String field) {
		assertRejectedFor(field, "AB\nCD");
	}

	@Test
	void acceptsATitleOfExactly200CharactersAndRejectsOneOf201() {
		assertThat(normalise(Map.of("title", "a".repeat(200))).errors()).isEmpty();
		assertRejectedFor("title", "a".repeat(201));
	}

	@Test
	void measuresTitleAndDescriptionAsPlainText() {
		Normalisation result = normalise(Map.of("title", "<b>" + "a".repeat(199) + "</b>", "description",
				"<p>" + "word ".repeat(3999) + "</p>\r\n\t<p>end</p>"));

		assertThat(result.errors()).isEmpty();
		assertThat(result.vacancy().description()).hasSizeLessThanOrEqualTo(20_000);
	}

	@Test
	void rejectsADescriptionOver20000CharactersOfText() {
		assertRejectedFor("description", "<p>" + "a".repeat(20_001) + "</p>");
	}

	@Test
	void rejectsAnExternalIdOver100CharactersAndKeepsNoIdForIt() {
		Normalisation result = normalise(Map.of("externalId", "x".repeat(101)));

		assertThat(result.externalId()).isNull();
		assertThat(result.errors()).extracting(FieldError::field).containsExactly("externalId");
	}

	@Test
	void reportsEveryFieldOverItsLimitAtOnce() {
		Normalisation result = normalise(Map.of("town", "t".repeat(101), "band", "Band\u00074"));

		assertThat(result.externalId()).isEqualTo("MS-1");
		assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("town", "band");
	}

	private static void assertRejectedFor(String field, String value) {
		Normalisation result = normalise(Map.of(field, value));
		assertThat(result.isAccepted()).as(field + " = " + value).isFalse();
		assertThat(result.errors()).extracting(FieldError::field).contains(field);
	}

	private static Normalisation normalise(Map<String, String> changes) {
		Map<String, String> fields = new HashMap<>(Map.of("externalId", "MS-1", "title", "Medical Secretary",
				"postcode", "LS1 4AP", "closingDate", "2026-12-31"));
		fields.putAll(changes);
		return normaliser.normalise(RawVacancy.of(fields, List.of()), VacancyNormaliserTests.GP_PRACTICE);
	}

}

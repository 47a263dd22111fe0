package uk.nhsjob.ingest.normalise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A description is hostile input of up to 20,000 characters: whatever it repeats, reading
 * its hours ends with an answer (what the phrases mean is pinned by
 * {@code corpus/hours-in-descriptions.csv}).
 */
class DescribedHoursTests {

	@ParameterizedTest(name = "\"{0}\" repeated")
	@ValueSource(strings = { "full time ", "part time or ", "full time and permanent ", "Working pattern: full time, ",
			"the post is suitable for full time or part time or ", "37.5 hours per week ", "a a a a " })
	void readsALongRepetitiveDescriptionWithoutRunningOutOfStack(String phrase) {
		String description = phrase.repeat(PlainText.DESCRIPTION_LENGTH / phrase.length() + 1)
			.substring(0, PlainText.DESCRIPTION_LENGTH);

		Hours hours = DescribedHours.in(description);

		assertThat(hours.perWeek()).isIn(null, 37.5);
	}

}

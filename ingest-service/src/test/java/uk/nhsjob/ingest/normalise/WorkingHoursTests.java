package uk.nhsjob.ingest.normalise;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhsjob.common.vocabulary.WorkingPattern;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingHoursTests {

	@ParameterizedTest(name = "hours {0}, pattern {1}, title {2}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					37.5 hours per week | -                               | -                                | 37.5 | FULL_TIME
					22.5 hrs            | -                               | -                                | 22.5 | PART_TIME
					40                  | -                               | -                                | 40.0 | FULL_TIME
					-                   | Full time                       | -                                | -    | FULL_TIME
					-                   | Part-time, Job share            | -                                | -    | PART_TIME JOB_SHARE
					-                   | Flexible working; term time     | -                                | -    | FLEXIBLE TERM_TIME
					-                   | Compressed hours                | -                                | -    | COMPRESSED_HOURS
					-                   | -                               | Medical Secretary (Part Time)    | -    | PART_TIME
					-                   | Part time 15 hours              | -                                | 15.0 | PART_TIME
					30 hours            | Flexible                        | -                                | 30.0 | PART_TIME FLEXIBLE
					-                   | -                               | Medical Secretary                | -    | -
					""")
	void readsHoursAndPatterns(@Nullable String hours, @Nullable String pattern, @Nullable String title,
			@Nullable Double perWeek, @Nullable String patterns) {
		List<WorkingPattern> expected = (patterns != null)
				? Arrays.stream(patterns.split(" ")).map(WorkingPattern::valueOf).toList() : List.of();

		assertThat(WorkingHours.parse(hours, pattern, title)).isEqualTo(new Hours(perWeek, expected));
	}

}

package uk.nhsjob.ingest.normalise;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhsjob.common.vocabulary.RemoteWorking;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteWorkingsTests {

	@ParameterizedTest(name = "remote {0}, title {1} is {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			true         | Medical Secretary                    | REMOTE
			TELECOMMUTE  | Medical Secretary                    | REMOTE
			Home-based   | Medical Secretary                    | REMOTE
			hybrid       | Medical Secretary                    | HYBRID
			false        | Remote Medical Secretary             | ON_SITE
			no           | Medical Secretary                    | ON_SITE
			-            | Remote Medical Typist                | REMOTE
			-            | Medical Secretary (Hybrid working)   | HYBRID
			-            | Medical Secretary                    | ON_SITE
			whatever     | Medical Secretary                    | ON_SITE
			""")
	void tellsWhereTheWorkIsDone(@Nullable String remote, String title, RemoteWorking expected) {
		assertThat(RemoteWorkings.of(remote, title)).isEqualTo(expected);
	}

}

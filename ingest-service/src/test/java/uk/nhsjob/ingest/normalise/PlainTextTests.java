package uk.nhsjob.ingest.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			<b>Medical Secretary</b>                             | Medical Secretary
			<p>Join our <em>friendly</em> team.</p><p>Apply!</p> | Join our friendly team. Apply!
			Trauma &amp; Orthopaedics                            | Trauma & Orthopaedics
			'  lots   of\t space  '                              | lots of space
			Salary < £30k                                        | Salary < £30k
			<script>alert(1)</script>Secretary                   | Secretary
			""")
	void stripsHtmlAndCollapsesWhitespace(String html, String text) {
		assertThat(PlainText.of(html, 200)).isEqualTo(text);
	}

	@Test
	void answersNullForBlankText() {
		assertThat(PlainText.of(null, 200)).isNull();
		assertThat(PlainText.of(" <p> </p> ", 200)).isNull();
	}

	@Test
	void cutsToTheLengthWithoutSplittingACharacter() {
		assertThat(PlainText.of("a".repeat(300), PlainText.TITLE_LENGTH)).hasSize(200);
		assertThat(PlainText.of("a".repeat(199) + "😀", PlainText.TITLE_LENGTH)).isEqualTo("a".repeat(199));
	}

}

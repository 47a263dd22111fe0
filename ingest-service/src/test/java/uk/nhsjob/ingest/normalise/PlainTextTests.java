package uk.nhsjob.ingest.normalise;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

	/** Plain text skips jsoup: it must come out as jsoup would have read it. */
	@ParameterizedTest
	@ValueSource(strings = { "Medical Secretary", "  Band 4\t(AfC)\r\nfull time  ", "£27,485 - £30,162 per annum",
			"Médecin > secrétaire \"quoted\" 'single'", "em\u2003space and\u3000ideographic", "a\fb\u000bc",
			"emoji 😀 and ©", "tab\tand\nnew line", "\u00a0no-break\u00a0space", "soft\u00adhyphen", "zero\u200bwidth",
			"nul\u0000char", "x < y & z", "&pound;30k", "<p>html</p>" })
	void readsPlainTextAsJsoupWould(String text) {
		String jsoup = Jsoup.parseBodyFragment(text)
			.text()
			.replaceAll("\\p{Cntrl}", " ")
			.replaceAll("\\s+", " ")
			.trim();

		assertThat(PlainText.of(text, 200)).isEqualTo(jsoup.isEmpty() ? null : jsoup);
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

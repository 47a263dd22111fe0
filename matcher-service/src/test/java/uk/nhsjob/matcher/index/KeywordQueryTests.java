package uk.nhsjob.matcher.index;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordQueryTests {

	@ParameterizedTest(name = "[{index}] {0} in \"{1}\" / \"{2}\" -> {3}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			# no keywords match anything
			null                 | Medical Secretary          | null                          | true
			'   '                | Medical Secretary          | null                          | true
			# plain words: each must appear, in the title or the description, in any order
			secretary            | Medical Secretary          | null                          | true
			SECRETARY            | medical secretary          | null                          | true
			audio typing         | Medical Secretary          | typing and audio work         | true
			audio typing         | Audio Secretary            | Typing required               | true
			audio typing         | Audio Secretary            | null                          | false
			cardio               | Cardiology Secretary       | null                          | false
			secretary            | Secretaries Team Leader    | null                          | false
			4                    | Secretary (Band 4)         | null                          | true
			café                 | Café Supervisor            | null                          | true
			# words are split on every character that is not a letter or digit
			typing               | Medical Secretary          | audio-typing                  | true
			# a "quoted phrase" must appear as consecutive words
			"audio typing"       | Medical Secretary          | Audio typing essential        | true
			"audio typing"       | Medical Secretary          | audio, typing                 | true
			"audio typing"       | Medical Secretary          | typing audio                  | false
			"audio typing"       | Medical Secretary          | audio and typing              | false
			"medical secretary"  | Medical                    | secretary                     | false
			"audio typing        | Medical Secretary          | audio typing                  | true
			# a term that splits into several words is a phrase of them
			follow-up            | Medical Secretary          | Follow up clinics             | true
			follow-up            | Medical Secretary          | up to follow                  | false
			# -word and -"phrase" must not appear
			secretary -bank      | Medical Secretary          | Bank post                     | false
			secretary -bank      | Bank Medical Secretary     | null                          | false
			secretary -bank      | Medical Secretary          | Banking experience welcome    | true
			-"fixed term"        | Medical Secretary          | Fixed-term post               | false
			-"fixed term"        | Medical Secretary          | Fixed hours, long term        | true
			-                    | Medical Secretary          | null                          | true
			""                   | Medical Secretary          | null                          | true
			""")
	void keywords(@Nullable String keywords, String title, @Nullable String description, boolean matches) {
		assertThat(KeywordQuery.parse(keywords).matches(title, description)).isEqualTo(matches);
		// the index's form of the same query: words as numbers, the same answer
		WordIds words = new WordIds();
		KeywordQuery query = KeywordQuery.parse(keywords);
		boolean compiled = query.isEmpty() || CompiledKeywords.matches(CompiledKeywords.of(query, words),
				VacancyWords.of(title, description, words));
		assertThat(compiled).as("compiled").isEqualTo(matches);
	}

}

package uk.nhsjob.matcher.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's word numbers: kept while a query uses the word, forgotten after. */
class WordIdsTests {

	@Test
	void keepsAWordWhileAnyQueryUsesIt() {
		WordIds words = new WordIds();
		int audio = words.acquire("audio");
		assertThat(words.acquire("audio")).isEqualTo(audio);
		int typing = words.acquire("typing");
		assertThat(typing).isNotEqualTo(audio);

		words.release(audio);
		assertThat(words.idOf("audio")).isEqualTo(audio);
		words.release(audio);
		assertThat(words.idOf("audio")).isEqualTo(WordIds.UNKNOWN);
		assertThat(words.size()).isOne();
	}

	@Test
	void givesAForgottenWordsNumberToTheNextNewWord() {
		WordIds words = new WordIds();
		int audio = words.acquire("audio");
		words.acquire("typing");
		words.release(audio);
		assertThat(words.acquire("cardiology")).isEqualTo(audio);
		assertThat(words.idOf("cardiology")).isEqualTo(audio);
		assertThat(words.idOf("audio")).isEqualTo(WordIds.UNKNOWN);
	}

	@Test
	void keywordsOfRemovedAlertsAreForgotten() {
		WordIds words = new WordIds();
		int[] first = CompiledKeywords.of(KeywordQuery.parse("audio \"clinic letters\" -bank"), words);
		int[] second = CompiledKeywords.of(KeywordQuery.parse("audio"), words);
		assertThat(words.size()).isEqualTo(4);
		CompiledKeywords.release(first, words);
		assertThat(words.size()).isOne();
		CompiledKeywords.release(second, words);
		assertThat(words.size()).isZero();
	}

}

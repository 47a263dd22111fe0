package uk.nhsjob.testsupport.oracle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTests {

	@Test
	void anExcludedWordIsAWholeWord() {
		Keywords keywords = Keywords.parse("audio -bank");
		assertThat(keywords.test("Medical Secretary", "Audio typing for the bank staff office.")).isFalse();
		assertThat(keywords.test("Medical Secretary", "Audio typing; experience in banking welcome.")).isTrue();
		assertThat(keywords.test("Medical Secretary", "Typing; experience in banking welcome.")).isFalse();
	}

	@Test
	void aWordIsNotPartOfALongerOne() {
		assertThat(Keywords.parse("audio").test("Audiology Secretary", "Typing.")).isFalse();
		assertThat(Keywords.parse("AUDIO").test("Secretary", "audio typing")).isTrue();
	}

	@Test
	void aPhraseIsConsecutiveWordsOfTheTitleOrOfTheDescription() {
		Keywords keywords = Keywords.parse("\"clinic letters\"");
		assertThat(keywords.test("Secretary", "Clinic-Letters and diary management.")).isTrue();
		assertThat(keywords.test("Clinic letters secretary", "Typing.")).isTrue();
		assertThat(keywords.test("Secretary", "Letters for the clinic.")).isFalse();
		assertThat(keywords.test("Secretary to the clinic", "Letters typed.")).isFalse();
	}

	@Test
	void anExcludedPhraseExcludesOnlyTheWholePhrase() {
		Keywords keywords = Keywords.parse("secretary -\"night shifts\"");
		assertThat(keywords.test("Medical Secretary", "Work on night shifts two weeks a month.")).isFalse();
		assertThat(keywords.test("Medical Secretary", "Night shift cover not needed; shifts by day.")).isTrue();
	}

	@Test
	void aTermOfSeveralWordsIsAPhrase() {
		Keywords keywords = Keywords.parse("follow-up");
		assertThat(keywords.test("Medical Secretary", "Follow up clinics.")).isTrue();
		assertThat(keywords.test("Medical Secretary", "Up to you to follow.")).isFalse();
		assertThat(Keywords.parse("secretary -T&O").test("Medical Secretary", "T and O clinics.")).isTrue();
		assertThat(Keywords.parse("secretary -T&O").test("Medical Secretary", "T&O clinics.")).isFalse();
	}

	@Test
	void anUnclosedQuoteRunsToTheEndAndALoneMinusIsNoTerm() {
		assertThat(Keywords.parse("\"audio typing").test("Secretary", "Audio typing.")).isTrue();
		assertThat(Keywords.parse("\"audio typing").test("Secretary", "Typing audio.")).isFalse();
		assertThat(Keywords.parse("- secretary").test("Medical Secretary", "Typing.")).isTrue();
		assertThat(Keywords.parse("-").test("Receptionist", "Typing.")).isTrue();
	}

}

package uk.nhsjob.notifier.email;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectsTests {

	private static final String CRITERIA = "medical secretary jobs within 10 miles of LS6";

	@Test
	void namesTheCountAndTheAlert() {
		assertThat(Subjects.newVacancies(3, CRITERIA)).isEqualTo("3 new medical secretary jobs within 10 miles of LS6");
	}

	@Test
	void oneVacancyIsOneJob() {
		assertThat(Subjects.newVacancies(1, CRITERIA)).isEqualTo("1 new medical secretary job within 10 miles of LS6");
		assertThat(Subjects.newVacancies(1, "Jobs anywhere")).isEqualTo("1 new Job anywhere");
		assertThat(Subjects.newVacancies(1, "jobshare posts")).isEqualTo("1 new jobshare posts");
	}

	@Test
	void welcomeNamesTheTotalWhenThereIsOne() {
		assertThat(Subjects.welcome(12, CRITERIA))
			.isEqualTo("Your job alert is on: 12 medical secretary jobs within 10 miles of LS6");
		assertThat(Subjects.welcome(0, CRITERIA))
			.isEqualTo("Your job alert is on: medical secretary jobs within 10 miles of LS6");
	}

	@Test
	void headerTextLosesLineBreaksAndControlCharacters() {
		assertThat(PlainText.oneLine(" Secretary\r\nBcc: x@example.org\u0000\t\u2028\u202Eend "))
			.isEqualTo("Secretary Bcc: x@example.org end");
	}

}

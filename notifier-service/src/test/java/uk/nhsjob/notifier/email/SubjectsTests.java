package uk.nhsjob.notifier.email;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectsTests {

	private static final String CRITERIA = "medical secretary jobs within 10 miles of LS6";

	@Test
	void namesTheCountAndTheAlert() {
		assertThat(Subjects.newVacancies(3, CRITERIA))
			.isEqualTo("3 new jobs: medical secretary within 10 miles of LS6");
	}

	@Test
	void severalAlertsInOneEmailAreCountedNotNamed() {
		assertThat(Subjects.newVacanciesForAlerts(7, 3)).isEqualTo("7 new jobs for your 3 job alerts");
		assertThat(Subjects.newVacanciesForAlerts(1, 2)).isEqualTo("1 new job for your 2 job alerts");
	}

	@Test
	void aLongDescriptionIsCutAtAWordWithAnEllipsisUnderEightyCharacters() {
		String roles = "consultant secretary, GP practice secretary, departmental secretary, medical secretary"
				+ " jobs within 10 miles of BS1";

		String subject = Subjects.newVacancies(4, roles);
		String welcome = Subjects.welcome(12, roles);
		String confirmation = Subjects.confirmation(roles);

		assertThat(subject).isEqualTo("4 new jobs: consultant secretary, GP practice secretary, departmental…");
		assertThat(welcome).isEqualTo("Your job alert is on: 12 consultant secretary, GP practice secretary…")
			.hasSizeLessThan(Subjects.LIMIT);
		assertThat(confirmation).isEqualTo("Confirm your job alert: consultant secretary, GP practice secretary…");
		assertThat(subject).hasSizeLessThan(Subjects.LIMIT);
		assertThat(confirmation).hasSizeLessThan(Subjects.LIMIT);
	}

	@Test
	void aDescriptionThatFitsIsWhole() {
		String longest = "x".repeat(Subjects.LIMIT - 1 - "4 new jobs: ".length());
		assertThat(Subjects.newVacancies(4, longest)).isEqualTo("4 new jobs: " + longest).hasSize(Subjects.LIMIT - 1);
		assertThat(Subjects.newVacancies(4, longest + "y")).endsWith("…").hasSizeLessThan(Subjects.LIMIT);
	}

	@Test
	void oneVacancyIsOneJob() {
		assertThat(Subjects.newVacancies(1, CRITERIA)).isEqualTo("1 new job: medical secretary within 10 miles of LS6");
		assertThat(Subjects.newVacancies(1, "jobs within 5 miles of BS1")).isEqualTo("1 new job within 5 miles of BS1");
		assertThat(Subjects.newVacancies(4, "jobs")).isEqualTo("4 new jobs");
		assertThat(Subjects.newVacancies(1, "jobshare posts")).isEqualTo("1 new job: jobshare posts");
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

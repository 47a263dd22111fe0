package uk.nhsjob.ingest.normalise;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.BandSource;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.SalaryPeriod;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThat;

class VacancyNormaliserTests {

	/** 23:30 UTC on 31 May is already 1 June in London. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-31T23:30:00Z"), ZoneOffset.UTC);

	static final VacancySource GP_PRACTICE = new VacancySource("hillside", "Hillside Surgery", EmployerType.GP_PRACTICE,
			"LS6 2AB");

	static VacancyNormaliser normaliser;

	@BeforeAll
	static void setUp() throws IOException {
		normaliser = new VacancyNormaliser(new Postcodes(PostcodeDirectory.load()), PayScaleTests.shipped(), CLOCK);
	}

	@Test
	void normalisesASparseGpPracticeVacancyWithWhatItsSourceKnows() {
		Normalisation result = normaliser.normalise(raw(Map.of("externalId", " GP-7 ", "title", "Medical Secretary",
				"salary", "£13.50 per hour", "hours", "22.5 hours", "closingDate", "01/06/2026")), GP_PRACTICE);

		assertThat(result.errors()).isEmpty();
		Vacancy vacancy = result.vacancy();
		assertThat(vacancy).isNotNull();
		assertThat(vacancy.id()).isEqualTo("hillside:GP-7");
		assertThat(vacancy.revision()).isZero();
		assertThat(vacancy.status()).isEqualTo(VacancyStatus.OPEN);
		assertThat(vacancy.employerName()).isEqualTo("Hillside Surgery");
		assertThat(vacancy.employerType()).isEqualTo(EmployerType.GP_PRACTICE);
		assertThat(vacancy.role()).isEqualTo(Role.GP_PRACTICE_SECRETARY);
		assertThat(vacancy.salaryMinAnnual()).isEqualTo(26397);
		assertThat(vacancy.salaryPeriod()).isEqualTo(SalaryPeriod.HOUR);
		assertThat(vacancy.bandMin()).isEqualTo(Band.BAND_3);
		assertThat(vacancy.bandSource()).isEqualTo(BandSource.FROM_SALARY);
		assertThat(vacancy.workingPatterns()).containsExactly(WorkingPattern.PART_TIME);
		assertThat(vacancy.postcode()).isEqualTo("LS6 2AB");
		assertThat(vacancy.latitude()).isNotNull();
		assertThat(vacancy.remote()).isEqualTo(RemoteWorking.ON_SITE);
		assertThat(vacancy.closingDate()).isEqualTo(LocalDate.of(2026, 6, 1));
		assertThat(vacancy.specialties()).isEmpty();
	}

	@Test
	void leavesTheBandEmptyWithoutBandOrSalary() {
		Vacancy vacancy = normaliser
			.normalise(raw(Map.of("externalId", "1", "title", "Medical Secretary", "salary", "Competitive")),
					GP_PRACTICE)
			.vacancy();

		assertThat(vacancy).isNotNull();
		assertThat(vacancy.bandMin()).isNull();
		assertThat(vacancy.bandSource()).isEqualTo(BandSource.NONE);
		assertThat(vacancy.salaryText()).isEqualTo("Competitive");
	}

	@Test
	void rejectsAVacancyNamingEveryFieldAtFault() {
		Normalisation result = normaliser.normalise(raw(Map.of("externalId", "BAD", "title", "<p> </p>", "postcode",
				"nowhere", "closingDate", "31/05/2026", "applyUrl", "javascript:alert(1)")), GP_PRACTICE);

		assertThat(result.isAccepted()).isFalse();
		assertThat(result.externalId()).isEqualTo("BAD");
		assertThat(result.errors()).extracting(FieldError::field)
			.containsExactly("title", "postcode", "closingDate", "applyUrl");
	}

	@Test
	void rejectsAnUnreadableClosingDate() {
		Normalisation result = normaliser
			.normalise(raw(Map.of("externalId", "1", "title", "Secretary", "closingDate", "soon")), GP_PRACTICE);

		assertThat(result.errors()).extracting(FieldError::field).containsExactly("closingDate");
	}

	@Test
	void keepsTheDayTheSourcePostedIt() {
		Vacancy vacancy = normaliser
			.normalise(raw(Map.of("externalId", "1", "title", "Secretary", "postedAt", "20 May 2026")), GP_PRACTICE)
			.vacancy();

		assertThat(vacancy).extracting(Vacancy::postedAt).isEqualTo(LocalDate.of(2026, 5, 20));
	}

	@Test
	void takesAPostingDateStillToComeAsToday() {
		// the clock's instant is already 1 June in London
		Vacancy vacancy = normaliser
			.normalise(raw(Map.of("externalId", "1", "title", "Secretary", "postedAt", "2026-07-01")), GP_PRACTICE)
			.vacancy();

		assertThat(vacancy).extracting(Vacancy::postedAt).isEqualTo(LocalDate.of(2026, 6, 1));
	}

	@Test
	void leavesThePostingDateToThePublisherWhenTheFeedGivesNone() {
		assertThat(normaliser.normalise(raw(Map.of("externalId", "1", "title", "Secretary")), GP_PRACTICE).vacancy())
			.extracting(Vacancy::postedAt)
			.isNull();
	}

	@Test
	void rejectsAnUnreadablePostingDate() {
		Normalisation result = normaliser
			.normalise(raw(Map.of("externalId", "1", "title", "Secretary", "postedAt", "last week")), GP_PRACTICE);

		assertThat(result.errors()).extracting(FieldError::field).containsExactly("postedAt");
	}

	@Test
	void identifiesAVacancyByItsReferenceWhenItHasNoId() {
		assertThat(normaliser.normalise(raw(Map.of("reference", "R-9", "title", "Secretary")), GP_PRACTICE).vacancy())
			.extracting(Vacancy::externalId)
			.isEqualTo("R-9");
		assertThat(normaliser.normalise(raw(Map.of("title", "Secretary")), GP_PRACTICE).errors())
			.extracting(FieldError::field)
			.containsExactly("externalId");
		assertThat(normaliser.normalise(raw(Map.of("externalId", "x".repeat(101), "title", "Secretary")), GP_PRACTICE)
			.errors()).extracting(FieldError::field).containsExactly("externalId");
	}

	@Test
	void keepsTheProblemsAReaderFound() {
		RawVacancy raw = RawVacancy.of(Map.of("externalId", "1", "title", "Secretary"),
				List.of(new FieldError("salary", "must be text")));

		assertThat(normaliser.normalise(raw, GP_PRACTICE).errors())
			.containsExactly(new FieldError("salary", "must be text"));
	}

	private static RawVacancy raw(Map<String, String> fields) {
		return RawVacancy.of(new HashMap<>(fields), List.of());
	}

}

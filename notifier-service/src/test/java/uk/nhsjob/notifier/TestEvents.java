package uk.nhsjob.notifier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.BandSource;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.SalaryPeriod;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * Events as the matcher and the ingest service publish them, with unique ids, and with
 * their times and dates (posted today, closing in 30 days) from the clock the notifier
 * under test runs on ({@link #useClock}), never from the wall clock.
 */
public final class TestEvents {

	public static final String CRITERIA = "medical secretary jobs within 10 miles of LS6";

	private static volatile Clock clock = Clock.fixed(Instant.parse("2028-03-01T12:00:00Z"), ZoneOffset.UTC);

	private TestEvents() {
	}

	/** The clock the events take their times and dates from. */
	public static void useClock(Clock notifierClock) {
		clock = notifierClock;
	}

	/** Now, on the notifier's clock. */
	public static Instant now() {
		return clock.instant();
	}

	/** Today in London, on the notifier's clock. */
	public static LocalDate today() {
		return LocalDate.now(clock.withZone(NotifierApplication.LONDON));
	}

	/** An alert of its own, for one test. */
	public record Alert(String alertId, String address) {

		public static Alert unique() {
			String id = UUID.randomUUID().toString();
			return new Alert("alert-" + id, "candidate-" + id + "@example.org");
		}

		public AlertProfileChanged profile(long revision, AlertStatus status, int confirmationRequest) {
			return profile(revision, status, confirmationRequest, CRITERIA);
		}

		public AlertProfileChanged profile(long revision, AlertStatus status, int confirmationRequest,
				String criteriaDescription) {
			return profile(revision, status, Frequency.INSTANT, confirmationRequest, criteriaDescription);
		}

		public AlertProfileChanged profile(long revision, AlertStatus status, Frequency frequency) {
			return profile(revision, status, frequency, 1, CRITERIA);
		}

		/** With the alert's closing-soon setting as given. */
		public AlertProfileChanged profile(long revision, AlertStatus status, Frequency frequency,
				boolean closingSoon) {
			return profile(revision, status, frequency, 1, CRITERIA, closingSoon);
		}

		private AlertProfileChanged profile(long revision, AlertStatus status, Frequency frequency,
				int confirmationRequest, String criteriaDescription) {
			return profile(revision, status, frequency, confirmationRequest, criteriaDescription, true);
		}

		private AlertProfileChanged profile(long revision, AlertStatus status, Frequency frequency,
				int confirmationRequest, String criteriaDescription, boolean closingSoon) {
			return new AlertProfileChanged(UUID.randomUUID(), AlertProfileChanged.SCHEMA_VERSION, now(), this.alertId,
					revision, this.address, status, frequency, criteriaDescription, confirmationRequest,
					confirmUrl(confirmationRequest), link("manage"), link("unsubscribe"), null, closingSoon, null,
					notMeUrl());
		}

		/** Each confirmation request carries a new token. */
		public String confirmUrl(int confirmationRequest) {
			return link("confirm") + "-" + confirmationRequest;
		}

		public String unsubscribeUrl() {
			return link("unsubscribe");
		}

		public String manageUrl() {
			return link("manage");
		}

		public String notMeUrl() {
			return link("not-me");
		}

		public VacancyMatched matched(MatchedVacancy vacancy) {
			return VacancyMatched.of(this.alertId, vacancy, now());
		}

		public WelcomeSetMatched welcome(int totalMatching, MatchedVacancy... vacancies) {
			return new WelcomeSetMatched(UUID.randomUUID(), WelcomeSetMatched.SCHEMA_VERSION, now(), this.alertId,
					List.of(vacancies), totalMatching);
		}

		private String link(String purpose) {
			return "https://alerts.nhsjob.test/alerts/" + purpose + "?token=" + purpose + "-" + this.alertId;
		}

	}

	public static String uniqueVacancyId() {
		return "leeds-trust:" + UUID.randomUUID();
	}

	public static MatchedVacancy vacancy(String title) {
		return vacancy(uniqueVacancyId(), title, "https://jobs.example.nhs.uk/apply/" + UUID.randomUUID());
	}

	public static MatchedVacancy vacancy(String vacancyId, String title, String applyUrl) {
		return vacancy(vacancyId, title, applyUrl, today(), today().plusDays(30));
	}

	public static MatchedVacancy vacancy(String title, LocalDate postedAt, LocalDate closingDate) {
		return vacancy(uniqueVacancyId(), title, "https://jobs.example.nhs.uk/apply/" + UUID.randomUUID(), postedAt,
				closingDate);
	}

	private static MatchedVacancy vacancy(String vacancyId, String title, String applyUrl, LocalDate postedAt,
			LocalDate closingDate) {
		return new MatchedVacancy(vacancyId, 1, title, "Leeds Teaching Hospitals NHS Trust", Band.BAND_4, Band.BAND_4,
				27485, 30162, "£27,485 to £30,162 a year", 37.5, List.of(WorkingPattern.FULL_TIME), "Leeds", "LS1 3EX",
				2.34, postedAt, closingDate, applyUrl);
	}

	/** The vacancy stream's record of a vacancy closing. */
	public static VacancyPublished closed(String vacancyId) {
		String[] ids = vacancyId.split(":", 2);
		Vacancy vacancy = new Vacancy(vacancyId, ids[0], ids[1], 2, VacancyStatus.CLOSED, "Medical Secretary",
				"Leeds Teaching Hospitals NHS Trust", EmployerType.NHS_TRUST, Role.MEDICAL_SECRETARY, List.of(),
				Band.BAND_4, Band.BAND_4, BandSource.STATED, 27485, 30162, SalaryPeriod.YEAR, false, null, 37.5,
				List.of(WorkingPattern.FULL_TIME), ContractType.PERMANENT, "LS1 3EX", "Leeds", 53.8, -1.55,
				RemoteWorking.ON_SITE, today(), today().plusDays(30), null, null, null);
		return VacancyPublished.of(vacancy, now());
	}

}

package uk.nhsjob.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.common.notice.AddressNotice;
import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.profile.ProfileCriteria;
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
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * One fixed example of each event, the same every run, as the golden files show them.
 */
final class Events {

	static final Instant OCCURRED_AT = Instant.parse("2026-11-25T09:30:00Z");

	private Events() {
	}

	/** A copy, from a trust's own feed, of a job NHS Jobs listed first. */
	static Vacancy vacancy() {
		Vacancy v1 = vacancyVersion1();
		return new Vacancy(v1.id(), v1.sourceId(), v1.externalId(), v1.revision(), v1.status(), v1.title(),
				v1.employerName(), v1.employerType(), v1.role(), v1.specialties(), v1.bandMin(), v1.bandMax(),
				v1.bandSource(), v1.salaryMinAnnual(), v1.salaryMaxAnnual(), v1.salaryPeriod(), v1.proRata(),
				v1.salaryText(), v1.hoursPerWeek(), v1.workingPatterns(), v1.contractType(), v1.postcode(), v1.town(),
				v1.latitude(), v1.longitude(), v1.remote(), v1.postedAt(), v1.closingDate(), v1.applyUrl(),
				v1.reference(), v1.description(), "nhs-jobs:C123-4567", "nhs-jobs:C123-4567");
	}

	/** The vacancy as a version-1 producer wrote it: no duplicateOf, no jobId. */
	static Vacancy vacancyVersion1() {
		return new Vacancy("leeds-th:C123-4567", "leeds-th", "C123-4567", 2, VacancyStatus.OPEN,
				"Medical Secretary to Consultant Cardiologist", "Leeds Teaching Hospitals NHS Trust",
				EmployerType.NHS_TRUST, Role.HOSPITAL_CONSULTANT_SECRETARY, List.of(Specialty.CARDIOLOGY), Band.BAND_4,
				Band.BAND_4, BandSource.STATED, 27485, 30162, SalaryPeriod.YEAR, false, "£27,485 to £30,162 a year",
				37.5, List.of(WorkingPattern.FULL_TIME), ContractType.PERMANENT, "LS1 3EX", "Leeds", 53.79811, -1.54321,
				RemoteWorking.ON_SITE, LocalDate.parse("2026-11-20"), LocalDate.parse("2026-12-31"),
				"https://www.jobs.nhs.uk/candidate/jobadvert/C123-4567", "C123-4567",
				"Join our cardiology secretarial team. Audio typing essential.");
	}

	static VacancyPublished vacancyPublished() {
		return new VacancyPublished(UUID.fromString("5b0f8a52-2f0e-4f4c-9a53-0d5d3a6c1a01"), 2, OCCURRED_AT, vacancy());
	}

	static VacancyPublished vacancyPublishedVersion1() {
		return new VacancyPublished(UUID.fromString("5b0f8a52-2f0e-4f4c-9a53-0d5d3a6c1a01"), 1, OCCURRED_AT,
				vacancyVersion1());
	}

	static AlertProfileChanged alertProfileChanged() {
		return new AlertProfileChanged(UUID.fromString("6c1e9b63-3a1f-4e5d-8b64-1e6e4b7d2b02"), 2, OCCURRED_AT,
				"a-7f3c", 3, "sam.jones@example.org", AlertStatus.ACTIVE, Frequency.INSTANT,
				"medical secretary jobs within 10 miles of LS6", 1,
				"https://alerts.example.org/alerts/confirm?token=c0nf1rm",
				"https://alerts.example.org/alerts/manage?token=m4n4g3",
				"https://alerts.example.org/alerts/unsubscribe?token=uns4b",
				new ProfileCriteria(List.of(Role.HOSPITAL_CONSULTANT_SECRETARY, Role.MEDICAL_SECRETARY), Band.BAND_3,
						Band.BAND_5, "LS6 2AB", 10, true, List.of(WorkingPattern.PART_TIME),
						List.of(ContractType.PERMANENT), List.of(Specialty.CARDIOLOGY), List.of(EmployerType.NHS_TRUST),
						25000, "audio typing -bank"),
				true, Instant.parse("2026-11-25T09:29:58.125Z"),
				"https://alerts.example.org/alerts/not-me?token=n0tm3");
	}

	/** The same alert as a version-1 producer wrote it: no criteria, no closingSoon. */
	static AlertProfileChanged alertProfileChangedVersion1() {
		AlertProfileChanged v2 = alertProfileChanged();
		return new AlertProfileChanged(v2.eventId(), 1, v2.occurredAt(), v2.alertId(), v2.revision(), v2.email(),
				v2.status(), v2.frequency(), v2.criteriaDescription(), v2.confirmationRequest(), v2.confirmUrl(),
				v2.manageUrl(), v2.unsubscribeUrl(), null, null);
	}

	static MatchedVacancy matchedVacancy() {
		Vacancy vacancy = vacancy();
		return new MatchedVacancy(vacancy.id(), vacancy.revision(), vacancy.title(), vacancy.employerName(),
				vacancy.bandMin(), vacancy.bandMax(), vacancy.salaryMinAnnual(), vacancy.salaryMaxAnnual(),
				vacancy.salaryText(), vacancy.hoursPerWeek(), vacancy.workingPatterns(), vacancy.town(),
				vacancy.postcode(), 1.4, vacancy.postedAt(), vacancy.closingDate(), vacancy.applyUrl(), vacancy.job());
	}

	/** The matched vacancy as a version-1 producer wrote it: no jobId. */
	static MatchedVacancy matchedVacancyVersion1() {
		Vacancy vacancy = vacancyVersion1();
		return new MatchedVacancy(vacancy.id(), vacancy.revision(), vacancy.title(), vacancy.employerName(),
				vacancy.bandMin(), vacancy.bandMax(), vacancy.salaryMinAnnual(), vacancy.salaryMaxAnnual(),
				vacancy.salaryText(), vacancy.hoursPerWeek(), vacancy.workingPatterns(), vacancy.town(),
				vacancy.postcode(), 1.4, vacancy.postedAt(), vacancy.closingDate(), vacancy.applyUrl());
	}

	static VacancyMatched vacancyMatched() {
		return new VacancyMatched(UUID.fromString("7d2fac74-4b20-4f6e-9c75-2f7f5c8e3c03"), 2, OCCURRED_AT, "a-7f3c",
				UUID.fromString("98849961-6727-368b-9f7b-eda3c8b06d64"), matchedVacancy());
	}

	static VacancyMatched vacancyMatchedVersion1() {
		return new VacancyMatched(UUID.fromString("7d2fac74-4b20-4f6e-9c75-2f7f5c8e3c03"), 1, OCCURRED_AT, "a-7f3c",
				UUID.fromString("ca8b4b74-4426-3e6d-a07b-fe66ee400f52"), matchedVacancyVersion1());
	}

	static WelcomeSetMatched welcomeSetMatched() {
		return new WelcomeSetMatched(UUID.fromString("8e30bd85-5c31-4a7f-8d86-3a8a6d9f4d04"), 2, OCCURRED_AT, "a-7f3c",
				List.of(matchedVacancy()), 14);
	}

	static AddressNotice addressNotice() {
		return new AddressNotice(UUID.fromString("3f6d2b1e-8c4a-4d2e-9b7a-1c5e0f9a2d47"), 1, OCCURRED_AT,
				"sam@example.org", NoticeKind.MANAGE_LINK, "https://alerts.example.org/alerts/mine?token=t0k3n");
	}

}

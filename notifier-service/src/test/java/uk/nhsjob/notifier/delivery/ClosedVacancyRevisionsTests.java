package uk.nhsjob.notifier.delivery;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.notifier.NotifierIntegrationTest;
import uk.nhsjob.notifier.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vacancy stream's records of one vacancy may arrive late or out of order (several
 * ingest instances, redeliveries): a record of a lower revision than the one held changes
 * nothing.
 */
@NotifierIntegrationTest
class ClosedVacancyRevisionsTests {

	@Autowired
	ClosedVacancies closedVacancies;

	@Test
	void aClosedVacancyDoesNotComeBackOpenWithALowerRevision() {
		String id = TestEvents.uniqueVacancyId();
		this.closedVacancies.apply(id, revision(id, 3, VacancyStatus.CLOSED));

		this.closedVacancies.apply(id, revision(id, 2, VacancyStatus.OPEN));

		assertThat(this.closedVacancies.contains(id)).isTrue();
		assertThat(this.closedVacancies.among(List.of(id))).containsExactly(id);

		this.closedVacancies.apply(id, revision(id, 4, VacancyStatus.OPEN));

		assertThat(this.closedVacancies.contains(id)).isFalse();
	}

	@Test
	void aReopenedVacancyIsNotClosedByAStaleRecord() {
		String id = TestEvents.uniqueVacancyId();
		this.closedVacancies.apply(id, revision(id, 4, VacancyStatus.CLOSED));
		this.closedVacancies.apply(id, revision(id, 5, VacancyStatus.OPEN));

		this.closedVacancies.apply(id, revision(id, 4, VacancyStatus.CLOSED));

		assertThat(this.closedVacancies.contains(id)).isFalse();
		assertThat(this.closedVacancies.among(List.of(id))).isEmpty();
	}

	@Test
	void aRecordDeliveredTwiceChangesNothing() {
		String id = TestEvents.uniqueVacancyId();
		this.closedVacancies.apply(id, revision(id, 2, VacancyStatus.CLOSED));

		this.closedVacancies.apply(id, revision(id, 2, VacancyStatus.CLOSED));

		assertThat(this.closedVacancies.contains(id)).isTrue();
	}

	private static VacancyPublished revision(String id, long revision, VacancyStatus status) {
		Vacancy v = TestEvents.closed(id).vacancy();
		return VacancyPublished.of(new Vacancy(v.id(), v.sourceId(), v.externalId(), revision, status, v.title(),
				v.employerName(), v.employerType(), v.role(), v.specialties(), v.bandMin(), v.bandMax(), v.bandSource(),
				v.salaryMinAnnual(), v.salaryMaxAnnual(), v.salaryPeriod(), v.proRata(), v.salaryText(),
				v.hoursPerWeek(), v.workingPatterns(), v.contractType(), v.postcode(), v.town(), v.latitude(),
				v.longitude(), v.remote(), v.postedAt(), v.closingDate(), v.applyUrl(), v.reference(), v.description()),
				TestEvents.now());
	}

}

package uk.nhsjob.common.vacancy;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.BandSource;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.SalaryPeriod;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * A vacancy as the ingest service normalised it (docs/normalisation.md). Salaries are
 * whole pounds a year, full-time equivalent; coordinates are the postcode's sector (else
 * district) centroid.
 *
 * @param id {@code sourceId:externalId}
 * @param revision 1 for the first version published, one more for each change
 */
public record Vacancy(String id, String sourceId, String externalId, long revision, VacancyStatus status, String title,
		@Nullable String employerName, EmployerType employerType, Role role, List<Specialty> specialties,
		@Nullable Band bandMin, @Nullable Band bandMax, BandSource bandSource, @Nullable Integer salaryMinAnnual,
		@Nullable Integer salaryMaxAnnual, @Nullable SalaryPeriod salaryPeriod, boolean proRata,
		@Nullable String salaryText, @Nullable Double hoursPerWeek, List<WorkingPattern> workingPatterns,
		@Nullable ContractType contractType, @Nullable String postcode, @Nullable String town,
		@Nullable Double latitude, @Nullable Double longitude, RemoteWorking remote, @Nullable LocalDate postedAt,
		@Nullable LocalDate closingDate, @Nullable String applyUrl, @Nullable String reference,
		@Nullable String description) {

	public Vacancy {
		specialties = List.copyOf(specialties);
		workingPatterns = List.copyOf(workingPatterns);
	}

	/** The vacancy id for a source's own id. */
	public static String idOf(String sourceId, String externalId) {
		return sourceId + ":" + externalId;
	}

	@JsonIgnore
	public boolean isOpen() {
		return this.status == VacancyStatus.OPEN;
	}

	@JsonIgnore
	public boolean hasLocation() {
		return this.latitude != null && this.longitude != null;
	}

}

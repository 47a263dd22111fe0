package uk.nhsjob.common.vacancy;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param duplicateOf the id of another source's open vacancy that is the same job, which
 * came first (docs/normalisation.md, "The same job from two sources"); null when there is
 * none, or none open any more. Absent from the JSON when null, and in version 1 records.
 * @param jobId the job this vacancy is a copy of: the id of the first copy ingest saw,
 * kept when that copy closes; null in version 1 records (then {@link #job()} is the
 * vacancy's own id). Absent from the JSON when null.
 */
public record Vacancy(String id, String sourceId, String externalId, long revision, VacancyStatus status, String title,
		@Nullable String employerName, EmployerType employerType, Role role, List<Specialty> specialties,
		@Nullable Band bandMin, @Nullable Band bandMax, BandSource bandSource, @Nullable Integer salaryMinAnnual,
		@Nullable Integer salaryMaxAnnual, @Nullable SalaryPeriod salaryPeriod, boolean proRata,
		@Nullable String salaryText, @Nullable Double hoursPerWeek, List<WorkingPattern> workingPatterns,
		@Nullable ContractType contractType, @Nullable String postcode, @Nullable String town,
		@Nullable Double latitude, @Nullable Double longitude, RemoteWorking remote, @Nullable LocalDate postedAt,
		@Nullable LocalDate closingDate, @Nullable String applyUrl, @Nullable String reference,
		@Nullable String description, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String duplicateOf,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String jobId) {

	public Vacancy {
		specialties = List.copyOf(specialties);
		workingPatterns = List.copyOf(workingPatterns);
	}

	/** A vacancy that is no other's duplicate, as a feed gives it. */
	public Vacancy(String id, String sourceId, String externalId, long revision, VacancyStatus status, String title,
			@Nullable String employerName, EmployerType employerType, Role role, List<Specialty> specialties,
			@Nullable Band bandMin, @Nullable Band bandMax, BandSource bandSource, @Nullable Integer salaryMinAnnual,
			@Nullable Integer salaryMaxAnnual, @Nullable SalaryPeriod salaryPeriod, boolean proRata,
			@Nullable String salaryText, @Nullable Double hoursPerWeek, List<WorkingPattern> workingPatterns,
			@Nullable ContractType contractType, @Nullable String postcode, @Nullable String town,
			@Nullable Double latitude, @Nullable Double longitude, RemoteWorking remote, @Nullable LocalDate postedAt,
			@Nullable LocalDate closingDate, @Nullable String applyUrl, @Nullable String reference,
			@Nullable String description) {
		this(id, sourceId, externalId, revision, status, title, employerName, employerType, role, specialties, bandMin,
				bandMax, bandSource, salaryMinAnnual, salaryMaxAnnual, salaryPeriod, proRata, salaryText, hoursPerWeek,
				workingPatterns, contractType, postcode, town, latitude, longitude, remote, postedAt, closingDate,
				applyUrl, reference, description, null, null);
	}

	/** The vacancy id for a source's own id. */
	public static String idOf(String sourceId, String externalId) {
		return sourceId + ":" + externalId;
	}

	@JsonIgnore
	public boolean isOpen() {
		return this.status == VacancyStatus.OPEN;
	}

	/**
	 * The job this vacancy is a copy of, which an alert is sent once whichever copy
	 * (docs/matching.md): its {@code jobId}, else the vacancy it duplicates, else its own
	 * id.
	 */
	public String job() {
		if (this.jobId != null) {
			return this.jobId;
		}
		return (this.duplicateOf != null) ? this.duplicateOf : this.id;
	}

	@JsonIgnore
	public boolean hasLocation() {
		return this.latitude != null && this.longitude != null;
	}

}

package uk.nhsjob.matcher;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;
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
 * Test vacancies: an open, full-time, permanent band 4 medical secretary post at a Leeds
 * trust (postcode sector LS1 3), changed one property at a time. Posted yesterday and
 * closing in a fortnight by the {@link ServiceClock}, read when the vacancy is built, so
 * a test that runs across midnight dates its vacancies by the service's today.
 */
public final class Vacancies {

	private String id = "test-trust:V1";

	private long revision = 1;

	private VacancyStatus status = VacancyStatus.OPEN;

	private String title = "Medical Secretary";

	private EmployerType employerType = EmployerType.NHS_TRUST;

	private Role role = Role.MEDICAL_SECRETARY;

	private List<Specialty> specialties = List.of();

	private @Nullable Band bandMin = Band.BAND_4;

	private @Nullable Band bandMax = Band.BAND_4;

	private @Nullable Integer salaryMin = 26_530;

	private @Nullable Integer salaryMax = 29_114;

	private List<WorkingPattern> workingPatterns = List.of(WorkingPattern.FULL_TIME);

	private @Nullable ContractType contractType = ContractType.PERMANENT;

	private @Nullable String postcode = "LS1 3EX";

	private @Nullable Double latitude = 53.80078;

	private @Nullable Double longitude = -1.55163;

	private RemoteWorking remote = RemoteWorking.ON_SITE;

	private Supplier<@Nullable LocalDate> postedAt = () -> today().minusDays(1);

	private Supplier<@Nullable LocalDate> closingDate = () -> today().plusDays(14);

	private @Nullable String description = "Busy outpatient department; audio typing and diary management.";

	private @Nullable String duplicateOf;

	private @Nullable String jobId;

	private Vacancies() {
	}

	/** Today in London by the service's clock, read now. */
	public static LocalDate today() {
		return ServiceClock.today();
	}

	public static Vacancies vacancy() {
		return new Vacancies();
	}

	public static Vacancies vacancy(String id) {
		return new Vacancies().id(id);
	}

	public Vacancies id(String id) {
		this.id = id;
		return this;
	}

	public Vacancies revision(long revision) {
		this.revision = revision;
		return this;
	}

	public Vacancies closed() {
		this.status = VacancyStatus.CLOSED;
		return this;
	}

	public Vacancies title(String title) {
		this.title = title;
		return this;
	}

	public Vacancies description(@Nullable String description) {
		this.description = description;
		return this;
	}

	public Vacancies employerType(EmployerType employerType) {
		this.employerType = employerType;
		return this;
	}

	public Vacancies role(Role role) {
		this.role = role;
		return this;
	}

	public Vacancies specialties(Specialty... specialties) {
		this.specialties = List.of(specialties);
		return this;
	}

	/** Bands by label ("4", "8a"); null for none. */
	public Vacancies bands(@Nullable String min, @Nullable String max) {
		this.bandMin = (min != null) ? Band.fromLabel(min) : null;
		this.bandMax = (max != null) ? Band.fromLabel(max) : null;
		return this;
	}

	public Vacancies salary(@Nullable Integer min, @Nullable Integer max) {
		this.salaryMin = min;
		this.salaryMax = max;
		return this;
	}

	public Vacancies workingPatterns(WorkingPattern... patterns) {
		this.workingPatterns = List.of(patterns);
		return this;
	}

	public Vacancies contractType(@Nullable ContractType contractType) {
		this.contractType = contractType;
		return this;
	}

	public Vacancies at(String postcode, double latitude, double longitude) {
		this.postcode = postcode;
		this.latitude = latitude;
		this.longitude = longitude;
		return this;
	}

	public Vacancies nowhere() {
		this.postcode = null;
		this.latitude = null;
		this.longitude = null;
		return this;
	}

	public Vacancies remote(RemoteWorking remote) {
		this.remote = remote;
		return this;
	}

	public Vacancies postedAt(@Nullable LocalDate postedAt) {
		this.postedAt = () -> postedAt;
		return this;
	}

	public Vacancies closingDate(@Nullable LocalDate closingDate) {
		this.closingDate = () -> closingDate;
		return this;
	}

	/**
	 * A later copy of another source's open vacancy, as ingest publishes it: a duplicate
	 * of it, and the same job.
	 */
	public Vacancies duplicateOf(String firstId) {
		this.duplicateOf = firstId;
		this.jobId = firstId;
		return this;
	}

	/** A copy of that job, no duplicate (the first copy, or one whose first closed). */
	public Vacancies job(String jobId) {
		this.duplicateOf = null;
		this.jobId = jobId;
		return this;
	}

	public Vacancy build() {
		String[] ids = this.id.split(":", 2);
		BandSource bandSource = (this.bandMin != null || this.bandMax != null) ? BandSource.STATED : BandSource.NONE;
		SalaryPeriod period = (this.salaryMin != null || this.salaryMax != null) ? SalaryPeriod.YEAR : null;
		return new Vacancy(this.id, ids[0], ids[1], this.revision, this.status, this.title, "Leeds Teaching Hospitals",
				this.employerType, this.role, this.specialties, this.bandMin, this.bandMax, bandSource, this.salaryMin,
				this.salaryMax, period, false, null, 37.5, this.workingPatterns, this.contractType, this.postcode,
				"Leeds", this.latitude, this.longitude, this.remote, this.postedAt.get(), this.closingDate.get(),
				"https://jobs.example.nhs.uk/" + ids[1], "REF-" + ids[1], this.description, this.duplicateOf,
				this.jobId);
	}

}

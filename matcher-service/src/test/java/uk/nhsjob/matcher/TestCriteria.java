package uk.nhsjob.matcher;

import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.matcher.alert.Criteria;

/** Test criteria: any vacancy, narrowed one criterion at a time; built normalised. */
public final class TestCriteria {

	private List<Role> roles = List.of();

	private @Nullable Band bandMin;

	private @Nullable Band bandMax;

	private @Nullable String postcode;

	private @Nullable Integer radiusMiles;

	private boolean includeRemote;

	private List<WorkingPattern> workingPatterns = List.of();

	private List<ContractType> contractTypes = List.of();

	private List<Specialty> specialties = List.of();

	private List<EmployerType> employerTypes = List.of();

	private @Nullable Integer minSalary;

	private @Nullable String keywords;

	private TestCriteria() {
	}

	public static TestCriteria criteria() {
		return new TestCriteria();
	}

	public TestCriteria roles(Role... roles) {
		this.roles = List.of(roles);
		return this;
	}

	public TestCriteria bands(@Nullable String min, @Nullable String max) {
		this.bandMin = (min != null) ? Band.fromLabel(min) : null;
		this.bandMax = (max != null) ? Band.fromLabel(max) : null;
		return this;
	}

	public TestCriteria near(String postcode, @Nullable Integer radiusMiles) {
		this.postcode = postcode;
		this.radiusMiles = radiusMiles;
		return this;
	}

	public TestCriteria includeRemote() {
		this.includeRemote = true;
		return this;
	}

	public TestCriteria workingPatterns(WorkingPattern... patterns) {
		this.workingPatterns = List.of(patterns);
		return this;
	}

	public TestCriteria contractTypes(ContractType... types) {
		this.contractTypes = List.of(types);
		return this;
	}

	public TestCriteria specialties(Specialty... specialties) {
		this.specialties = List.of(specialties);
		return this;
	}

	public TestCriteria employerTypes(EmployerType... types) {
		this.employerTypes = List.of(types);
		return this;
	}

	public TestCriteria minSalary(int minSalary) {
		this.minSalary = minSalary;
		return this;
	}

	public TestCriteria keywords(String keywords) {
		this.keywords = keywords;
		return this;
	}

	public Criteria build() {
		return new Criteria(this.roles, this.bandMin, this.bandMax, this.postcode, this.radiusMiles, this.includeRemote,
				this.workingPatterns, this.contractTypes, this.specialties, this.employerTypes, this.minSalary,
				this.keywords)
			.normalised();
	}

}

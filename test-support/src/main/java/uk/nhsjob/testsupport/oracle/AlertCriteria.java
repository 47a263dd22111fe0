package uk.nhsjob.testsupport.oracle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * An alert's criteria as docs/alerts.md defines them: every field optional, an absent or
 * empty one means any. {@link #json()} gives the body the alert API takes.
 */
public record AlertCriteria(Set<Role> roles, @Nullable Band bandMin, @Nullable Band bandMax, @Nullable String postcode,
		@Nullable Integer radiusMiles, boolean includeRemote, Set<WorkingPattern> workingPatterns,
		Set<ContractType> contractTypes, Set<Specialty> specialties, Set<EmployerType> employerTypes,
		@Nullable Integer minSalary, @Nullable String keywords) {

	/** Without {@code radiusMiles}, a located alert reaches this far. */
	public static final int DEFAULT_RADIUS_MILES = 10;

	public AlertCriteria {
		roles = Set.copyOf(roles);
		workingPatterns = Set.copyOf(workingPatterns);
		contractTypes = Set.copyOf(contractTypes);
		specialties = Set.copyOf(specialties);
		employerTypes = Set.copyOf(employerTypes);
	}

	/** Criteria that hold for every vacancy. */
	public static AlertCriteria any() {
		return new AlertCriteria(Set.of(), null, null, null, null, false, Set.of(), Set.of(), Set.of(), Set.of(), null,
				null);
	}

	/** Within {@code radiusMiles} of {@code postcode}. */
	public static AlertCriteria near(String postcode, int radiusMiles) {
		return any().within(postcode, radiusMiles);
	}

	public AlertCriteria within(String postcode, int radiusMiles) {
		return new AlertCriteria(this.roles, this.bandMin, this.bandMax, postcode, radiusMiles, this.includeRemote,
				this.workingPatterns, this.contractTypes, this.specialties, this.employerTypes, this.minSalary,
				this.keywords);
	}

	public AlertCriteria includingRemote() {
		return new AlertCriteria(this.roles, this.bandMin, this.bandMax, this.postcode, this.radiusMiles, true,
				this.workingPatterns, this.contractTypes, this.specialties, this.employerTypes, this.minSalary,
				this.keywords);
	}

	public AlertCriteria bands(@Nullable Band min, @Nullable Band max) {
		return new AlertCriteria(this.roles, min, max, this.postcode, this.radiusMiles, this.includeRemote,
				this.workingPatterns, this.contractTypes, this.specialties, this.employerTypes, this.minSalary,
				this.keywords);
	}

	public AlertCriteria minSalary(int pounds) {
		return new AlertCriteria(this.roles, this.bandMin, this.bandMax, this.postcode, this.radiusMiles,
				this.includeRemote, this.workingPatterns, this.contractTypes, this.specialties, this.employerTypes,
				pounds, this.keywords);
	}

	public AlertCriteria keywords(String keywords) {
		return new AlertCriteria(this.roles, this.bandMin, this.bandMax, this.postcode, this.radiusMiles,
				this.includeRemote, this.workingPatterns, this.contractTypes, this.specialties, this.employerTypes,
				this.minSalary, keywords);
	}

	public AlertCriteria specialties(Specialty... specialties) {
		return new AlertCriteria(this.roles, this.bandMin, this.bandMax, this.postcode, this.radiusMiles,
				this.includeRemote, this.workingPatterns, this.contractTypes, Set.of(specialties), this.employerTypes,
				this.minSalary, this.keywords);
	}

	public AlertCriteria contractTypes(ContractType... contractTypes) {
		return new AlertCriteria(this.roles, this.bandMin, this.bandMax, this.postcode, this.radiusMiles,
				this.includeRemote, this.workingPatterns, Set.of(contractTypes), this.specialties, this.employerTypes,
				this.minSalary, this.keywords);
	}

	public AlertCriteria employerTypes(EmployerType... employerTypes) {
		return new AlertCriteria(this.roles, this.bandMin, this.bandMax, this.postcode, this.radiusMiles,
				this.includeRemote, this.workingPatterns, this.contractTypes, this.specialties, Set.of(employerTypes),
				this.minSalary, this.keywords);
	}

	public AlertCriteria roles(Role... roles) {
		return new AlertCriteria(Set.of(roles), this.bandMin, this.bandMax, this.postcode, this.radiusMiles,
				this.includeRemote, this.workingPatterns, this.contractTypes, this.specialties, this.employerTypes,
				this.minSalary, this.keywords);
	}

	/** The criteria object of docs/alerts.md, with the fields that are set. */
	public Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		putList(json, "roles", this.roles.stream().map(Enum::name).sorted().toList());
		if (this.bandMin != null) {
			json.put("bandMin", this.bandMin.label());
		}
		if (this.bandMax != null) {
			json.put("bandMax", this.bandMax.label());
		}
		if (this.postcode != null) {
			json.put("postcode", this.postcode);
		}
		if (this.radiusMiles != null) {
			json.put("radiusMiles", this.radiusMiles);
		}
		if (this.includeRemote) {
			json.put("includeRemote", true);
		}
		putList(json, "workingPatterns", this.workingPatterns.stream().map(Enum::name).sorted().toList());
		putList(json, "contractTypes", this.contractTypes.stream().map(Enum::name).sorted().toList());
		putList(json, "specialties", this.specialties.stream().map(Enum::name).sorted().toList());
		putList(json, "employerTypes", this.employerTypes.stream().map(Enum::name).sorted().toList());
		if (this.minSalary != null) {
			json.put("minSalary", this.minSalary);
		}
		if (this.keywords != null) {
			json.put("keywords", this.keywords);
		}
		return json;
	}

	private static void putList(Map<String, Object> json, String name, List<String> values) {
		if (!values.isEmpty()) {
			json.put(name, values);
		}
	}

}

package uk.nhsjob.matcher.alert;

import java.util.Collection;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.platform.postcode.Postcode;

/**
 * What an alert looks for (docs/alerts.md). Every field is optional: absent or empty
 * means any. Lists are kept sorted and without repeats, so two alerts asking the same
 * thing have equal criteria. Lists are never null: an absent one is kept empty.
 *
 * @param postcode full ({@code LS6 2AB}) or an outward code ({@code LS6})
 * @param radiusMiles around the postcode; {@value #DEFAULT_RADIUS_MILES} when a postcode
 * has none
 * @param minSalary pounds a year, full-time equivalent
 * @param keywords words, {@code "quoted phrases"} and {@code -exclusions}
 */
@ValidCriteria
public record Criteria(List<Role> roles, @Nullable Band bandMin, @Nullable Band bandMax, @Nullable String postcode,
		@Nullable @Min(1) @Max(100) Integer radiusMiles, @Nullable Boolean includeRemote,
		List<WorkingPattern> workingPatterns, List<ContractType> contractTypes, List<Specialty> specialties,
		List<EmployerType> employerTypes, @Nullable @Min(0) Integer minSalary,
		@Nullable @Size(max = 500) String keywords) {

	public static final int DEFAULT_RADIUS_MILES = 10;

	/** Criteria that match every vacancy. */
	public static final Criteria ANY = new Criteria(List.of(), null, null, null, null, null, List.of(), List.of(),
			List.of(), List.of(), null, null);

	public Criteria {
		roles = sorted(roles);
		workingPatterns = sorted(workingPatterns);
		contractTypes = sorted(contractTypes);
		specialties = sorted(specialties);
		employerTypes = sorted(employerTypes);
	}

	/**
	 * The same criteria in their stored form: the postcode written the standard way, the
	 * radius and {@code includeRemote} filled in, blank keywords dropped. Call it on
	 * valid criteria only.
	 */
	public Criteria normalised() {
		String standardPostcode = Postcode.parse(this.postcode).map(Postcode::toString).orElse(null);
		Integer radius = (standardPostcode == null) ? null
				: (this.radiusMiles != null) ? this.radiusMiles : DEFAULT_RADIUS_MILES;
		String words = (this.keywords == null || this.keywords.isBlank()) ? null : this.keywords.strip();
		return new Criteria(this.roles, this.bandMin, this.bandMax, standardPostcode, radius,
				Boolean.TRUE.equals(this.includeRemote), this.workingPatterns, this.contractTypes, this.specialties,
				this.employerTypes, this.minSalary, words);
	}

	private static <T extends Comparable<T>> List<T> sorted(@Nullable Collection<T> values) {
		return (values != null) ? values.stream().distinct().sorted().toList() : List.of();
	}

}

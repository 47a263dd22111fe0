package uk.nhsjob.common.profile;

import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/**
 * What an alert looks for, as the matcher stores it (docs/alerts.md): the postcode in its
 * standard form, the radius filled in when there is a postcode, lists sorted and never
 * null. Every matcher instance builds its match index from these (docs/matching.md).
 */
public record ProfileCriteria(List<Role> roles, @Nullable Band bandMin, @Nullable Band bandMax,
		@Nullable String postcode, @Nullable Integer radiusMiles, boolean includeRemote,
		List<WorkingPattern> workingPatterns, List<ContractType> contractTypes, List<Specialty> specialties,
		List<EmployerType> employerTypes, @Nullable Integer minSalary, @Nullable String keywords) {

	public ProfileCriteria {
		roles = (roles != null) ? List.copyOf(roles) : List.of();
		workingPatterns = (workingPatterns != null) ? List.copyOf(workingPatterns) : List.of();
		contractTypes = (contractTypes != null) ? List.copyOf(contractTypes) : List.of();
		specialties = (specialties != null) ? List.copyOf(specialties) : List.of();
		employerTypes = (employerTypes != null) ? List.copyOf(employerTypes) : List.of();
	}

}

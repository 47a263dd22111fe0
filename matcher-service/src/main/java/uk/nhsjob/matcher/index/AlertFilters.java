package uk.nhsjob.matcher.index;

import java.util.List;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;
import uk.nhsjob.matcher.alert.Criteria;

/**
 * An alert's enumerated criteria packed in one int, lists of values as bit masks (0 for
 * "any"): bits 0–3 the lowest band's rank, 4–7 the highest band's, 8–12 the contract
 * types, 13–16 the employer types, 17–22 the working patterns; bit 23 set when the alert
 * names specialties, bit 24 when it has keywords (both are tested elsewhere).
 */
final class AlertFilters {

	static final int NO_SALARY = -1;

	static final int HAS_SPECIALTIES = 1 << 23;

	static final int HAS_KEYWORDS = 1 << 24;

	static {
		// the layout above holds the vocabulary as it is; a longer one needs a new layout
		check(Role.values().length <= 31 && Band.values().length <= 16 && ContractType.values().length <= 5
				&& EmployerType.values().length <= 4 && WorkingPattern.values().length <= 6
				&& Specialty.values().length <= 64);
	}

	private AlertFilters() {
	}

	static int pack(Criteria criteria, boolean hasKeywords) {
		int bandLow = (criteria.bandMin() != null) ? criteria.bandMin().rank() : 0;
		int bandHigh = (criteria.bandMax() != null) ? criteria.bandMax().rank() : Band.values().length - 1;
		return bandLow | bandHigh << 4 | (int) maskOf(criteria.contractTypes()) << 8
				| (int) maskOf(criteria.employerTypes()) << 13 | (int) maskOf(criteria.workingPatterns()) << 17
				| (criteria.specialties().isEmpty() ? 0 : HAS_SPECIALTIES) | (hasKeywords ? HAS_KEYWORDS : 0);
	}

	static int bandLow(int filters) {
		return filters & 0xF;
	}

	static int bandHigh(int filters) {
		return (filters >>> 4) & 0xF;
	}

	static int contractTypes(int filters) {
		return (filters >>> 8) & 0x1F;
	}

	static int employerTypes(int filters) {
		return (filters >>> 13) & 0xF;
	}

	static int workingPatterns(int filters) {
		return (filters >>> 17) & 0x3F;
	}

	static int minSalary(Criteria criteria) {
		return (criteria.minSalary() != null) ? criteria.minSalary() : NO_SALARY;
	}

	static long maskOf(List<? extends Enum<?>> values) {
		long mask = 0;
		for (Enum<?> value : values) {
			mask |= 1L << value.ordinal();
		}
		return mask;
	}

	private static void check(boolean fits) {
		if (!fits) {
			throw new IllegalStateException("the vocabulary outgrew AlertFilters' bit layout");
		}
	}

}

package uk.nhsjob.ingest.normalise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.ContractType;

/**
 * The contract of a vacancy: Permanent, Fixed-Term, Bank, Secondment, Apprenticeship and
 * the words feeds use for them. When a text names more than one, the first named wins
 * ("Fixed term with a view to permanent").
 */
final class ContractTypes {

	private static final Map<ContractType, String[]> WORDS = new LinkedHashMap<>();

	static {
		WORDS.put(ContractType.APPRENTICESHIP, new String[] { "apprentice*" });
		WORDS.put(ContractType.SECONDMENT, new String[] { "secondment*", "seconded" });
		WORDS.put(ContractType.BANK, new String[] { "bank", "bank staff", "zero hours" });
		WORDS.put(ContractType.FIXED_TERM, new String[] { "fixed term", "fixedterm", "fixed", "temporary", "temp",
				"maternity cover", "maternity leave cover", "locum" });
		WORDS.put(ContractType.PERMANENT, new String[] { "permanent*", "substantive" });
	}

	private ContractTypes() {
	}

	static Optional<ContractType> parse(@Nullable String text) {
		Words words = Words.of(text);
		ContractType first = null;
		int firstIndex = Integer.MAX_VALUE;
		for (Map.Entry<ContractType, String[]> entry : WORDS.entrySet()) {
			int index = words.firstIndexOfAny(entry.getValue());
			if (index >= 0 && index < firstIndex) {
				first = entry.getKey();
				firstIndex = index;
			}
		}
		return Optional.ofNullable(first);
	}

}

package uk.nhsjob.matcher.alert.web;

import java.util.Locale;
import java.util.Map;

import uk.nhsjob.common.vocabulary.ContractType;
import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.common.vocabulary.Specialty;
import uk.nhsjob.common.vocabulary.WorkingPattern;

/** The words the pages show for the vocabulary's values, each starting with a capital. */
final class Labels {

	private static final Map<Enum<?>, String> WORDS = Map.ofEntries(Map.entry(WorkingPattern.FULL_TIME, "Full time"),
			Map.entry(WorkingPattern.PART_TIME, "Part time"), Map.entry(WorkingPattern.FLEXIBLE, "Flexible working"),
			Map.entry(WorkingPattern.JOB_SHARE, "Job share"), Map.entry(WorkingPattern.TERM_TIME, "Term time only"),
			Map.entry(WorkingPattern.COMPRESSED_HOURS, "Compressed hours"),
			Map.entry(ContractType.PERMANENT, "Permanent"), Map.entry(ContractType.FIXED_TERM, "Fixed term"),
			Map.entry(ContractType.BANK, "Bank"), Map.entry(ContractType.SECONDMENT, "Secondment"),
			Map.entry(ContractType.APPRENTICESHIP, "Apprenticeship"), Map.entry(EmployerType.NHS_TRUST, "NHS trust"),
			Map.entry(EmployerType.GP_PRACTICE, "GP practice"),
			Map.entry(EmployerType.PRIVATE_PRACTICE, "Private practice"),
			Map.entry(EmployerType.OTHER, "Other employers"),
			Map.entry(Frequency.INSTANT, "As soon as a job is published"),
			Map.entry(Frequency.DAILY, "Once a day, at 7am"),
			Map.entry(Frequency.WEEKLY, "Once a week, on Mondays at 7am"), Map.entry(Role.OTHER, "Any other role"),
			Map.entry(Role.MEDICAL_SECRETARY, "Medical secretary (other)"));

	private Labels() {
	}

	static String of(Enum<?> value) {
		String words = WORDS.get(value);
		if (words != null) {
			return words;
		}
		String lower = (value instanceof Role role) ? role.label() : (value instanceof Specialty specialty)
				? specialty.label() : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	/** In a sentence: "part time", "NHS trust". */
	static String inSentence(Enum<?> value) {
		String words = of(value);
		return (words.length() > 1 && Character.isUpperCase(words.charAt(1))) ? words
				: Character.toLowerCase(words.charAt(0)) + words.substring(1);
	}

}

package uk.nhsjob.ingest.normalise;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Role;

/**
 * A vacancy's role from its title and its employer, in the precedence of
 * docs/normalisation.md: a title naming a specific role wins; then a secretary at a GP or
 * private practice takes that employer's role; then, at a trust, a consultant's or a
 * department's secretary; then a plain medical secretary. A title that names no
 * administrative work at all is {@link Role#OTHER}.
 */
final class RoleClassifier {

	private static final String[] SECRETARIAL = { "secretar*", "typist*", "administrat*", "admin", "clerk*", "clerical",
			"pa", "personal assistant*" };

	private static final String[] FRONT_OFFICE = { "reception*", "booking*", "medical records", "health records",
			"office", "appointment*", "outpatient*", "clinic*" };

	private static final String[] LEADS_A_TEAM = { "team leader*", "team lead", "supervisor*", "lead secretar*",
			"lead medical secretar*", "secretarial lead" };

	private static final String[] TOP_OF_AN_ORGANISATION = { "director", "directors", "chief executive*", "ceo",
			"chair", "chairman", "board" };

	private static final String[] NAMES_A_CONSULTANT = { "consultant*", "to mr", "to mrs", "to ms", "to miss", "to dr",
			"to professor", "to prof" };

	private static final String[] NAMES_A_DEPARTMENT = { "department*", "dept", "directorate*", "division*", "unit",
			"services", "clinic*", "outpatient*", "ward", "wards", "theatre*" };

	private RoleClassifier() {
	}

	/**
	 * @param namesSpecialty whether the title names a clinical specialty
	 */
	static Role classify(String title, EmployerType employer, boolean namesSpecialty) {
		Words words = Words.of(title);
		boolean secretarial = words.hasAny(SECRETARIAL);
		if (words.hasAny("medico legal", "medicolegal", "medical legal", "legal secretar*")) {
			return Role.MEDICAL_LEGAL_SECRETARY;
		}
		if (secretarial && words.hasAny("research*", "clinical trial*", "trials")) {
			return Role.CLINICAL_RESEARCH_SECRETARY;
		}
		if (isExecutiveSupport(words)) {
			return (employer == EmployerType.NHS_TRUST) ? Role.TRUST_EXECUTIVE_SECRETARY
					: Role.HEALTHCARE_EXECUTIVE_ASSISTANT;
		}
		if (words.hasAny(LEADS_A_TEAM) && (secretarial || words.hasAny(FRONT_OFFICE))) {
			return Role.MEDICAL_SECRETARY_TEAM_LEADER;
		}
		Role manager = managerRole(words, secretarial);
		if (manager != null) {
			return manager;
		}
		if (words.hasAny("coder*", "clinical coding", "coding")) {
			return Role.CLINICAL_CODER;
		}
		if (words.hasAny("receptionist*", "reception")) {
			return Role.MEDICAL_RECEPTIONIST;
		}
		if (!secretarial) {
			return Role.OTHER;
		}
		if (words.hasAny("senior", "snr")) {
			return Role.SENIOR_MEDICAL_SECRETARY;
		}
		return switch (employer) {
			case GP_PRACTICE -> Role.GP_PRACTICE_SECRETARY;
			case PRIVATE_PRACTICE -> Role.PRIVATE_PRACTICE_SECRETARY;
			case NHS_TRUST -> trustSecretaryRole(words, namesSpecialty);
			case OTHER -> Role.MEDICAL_SECRETARY;
		};
	}

	private static boolean isExecutiveSupport(Words words) {
		return words.hasAny("executive assistant*", "executive secretar*", "executive pa", "executive personal*")
				|| (words.hasAny("pa", "personal assistant*", "secretar*", "assistant to")
						&& words.hasAny(TOP_OF_AN_ORGANISATION));
	}

	private static @Nullable Role managerRole(Words words, boolean secretarial) {
		if (words.has("practice manager*")) {
			return Role.PRACTICE_MANAGER;
		}
		if (words.hasAny("patient services manager*", "patient service manager*", "patient access manager*")) {
			return Role.PATIENT_SERVICES_MANAGER;
		}
		if (words.hasAny("manager*", "head of") && (secretarial || words.hasAny(FRONT_OFFICE))) {
			return Role.MEDICAL_ADMINISTRATION_MANAGER;
		}
		return null;
	}

	private static Role trustSecretaryRole(Words words, boolean namesSpecialty) {
		if (words.hasAny(NAMES_A_CONSULTANT)) {
			return Role.HOSPITAL_CONSULTANT_SECRETARY;
		}
		if (namesSpecialty || words.hasAny(NAMES_A_DEPARTMENT)) {
			return Role.DEPARTMENTAL_SECRETARY;
		}
		return Role.MEDICAL_SECRETARY;
	}

}

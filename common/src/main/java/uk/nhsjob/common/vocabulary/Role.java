package uk.nhsjob.common.vocabulary;

/**
 * The job a vacancy is for, as docs/normalisation.md names them.
 */
public enum Role {

	HOSPITAL_CONSULTANT_SECRETARY("consultant secretary", RoleGroup.SECRETARY),
	GP_PRACTICE_SECRETARY("GP practice secretary", RoleGroup.SECRETARY),
	DEPARTMENTAL_SECRETARY("departmental secretary", RoleGroup.SECRETARY),
	PRIVATE_PRACTICE_SECRETARY("private practice secretary", RoleGroup.SECRETARY),
	TRUST_EXECUTIVE_SECRETARY("trust executive secretary", RoleGroup.SECRETARY),
	MEDICAL_LEGAL_SECRETARY("medico-legal secretary", RoleGroup.SECRETARY),
	CLINICAL_RESEARCH_SECRETARY("clinical research secretary", RoleGroup.SECRETARY),
	SENIOR_MEDICAL_SECRETARY("senior medical secretary", RoleGroup.SECRETARY),
	MEDICAL_SECRETARY_TEAM_LEADER("medical secretary team leader", RoleGroup.MANAGEMENT),
	MEDICAL_ADMINISTRATION_MANAGER("medical administration manager", RoleGroup.MANAGEMENT),
	MEDICAL_SECRETARY("medical secretary", RoleGroup.SECRETARY),
	MEDICAL_RECEPTIONIST("medical receptionist", RoleGroup.FRONT_DESK),
	CLINICAL_CODER("clinical coder", RoleGroup.OTHER), PRACTICE_MANAGER("practice manager", RoleGroup.MANAGEMENT),
	HEALTHCARE_EXECUTIVE_ASSISTANT("healthcare executive assistant", RoleGroup.SECRETARY),
	PATIENT_SERVICES_MANAGER("patient services manager", RoleGroup.MANAGEMENT), OTHER("other", RoleGroup.OTHER);

	private final String label;

	private final RoleGroup group;

	Role(String label, RoleGroup group) {
		this.label = label;
		this.group = group;
	}

	/** Lower-case words for a sentence: "medical secretary". */
	public String label() {
		return this.label;
	}

	public RoleGroup group() {
		return this.group;
	}

	/** The groups a candidate picks roles from. */
	public enum RoleGroup {

		SECRETARY, MANAGEMENT, FRONT_DESK, OTHER

	}

}

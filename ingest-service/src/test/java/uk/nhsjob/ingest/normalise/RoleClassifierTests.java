package uk.nhsjob.ingest.normalise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role rules of docs/normalisation.md. Whether a title names a specialty is stated,
 * as in {@code corpus/roles.csv}, not worked out by {@link Specialties}, which has tests
 * of its own.
 */
class RoleClassifierTests {

	@ParameterizedTest(name = "{0} at {1} is {3}")
	@CsvSource(delimiter = '|', textBlock = """
			Medical Secretary to Consultant Cardiologist    | NHS_TRUST        | true  | HOSPITAL_CONSULTANT_SECRETARY
			Secretary to Mr Patel, Orthopaedic Surgeon      | NHS_TRUST        | true  | HOSPITAL_CONSULTANT_SECRETARY
			Medical Secretary - Dermatology                 | NHS_TRUST        | true  | DEPARTMENTAL_SECRETARY
			Medical Secretary, Surgical Directorate         | NHS_TRUST        | false | DEPARTMENTAL_SECRETARY
			Medical Secretary                               | NHS_TRUST        | false | MEDICAL_SECRETARY
			Audio Typist                                    | NHS_TRUST        | false | MEDICAL_SECRETARY
			Medical Secretary                               | GP_PRACTICE      | false | GP_PRACTICE_SECRETARY
			Medical Secretary to Consultant Cardiologist    | PRIVATE_PRACTICE | true  | PRIVATE_PRACTICE_SECRETARY
			Medical Secretary                               | OTHER            | false | MEDICAL_SECRETARY
			Senior Medical Secretary - Oncology             | NHS_TRUST        | true  | SENIOR_MEDICAL_SECRETARY
			Senior Medical Secretary                        | GP_PRACTICE      | false | SENIOR_MEDICAL_SECRETARY
			Medical Secretaries Team Leader                 | NHS_TRUST        | false | MEDICAL_SECRETARY_TEAM_LEADER
			Reception Team Leader                           | GP_PRACTICE      | false | MEDICAL_SECRETARY_TEAM_LEADER
			Executive Assistant to the Medical Director     | NHS_TRUST        | false | TRUST_EXECUTIVE_SECRETARY
			PA to the Chief Executive                       | NHS_TRUST        | false | TRUST_EXECUTIVE_SECRETARY
			Executive Assistant to the Medical Director     | PRIVATE_PRACTICE | false | HEALTHCARE_EXECUTIVE_ASSISTANT
			Medico-Legal Secretary                          | PRIVATE_PRACTICE | false | MEDICAL_LEGAL_SECRETARY
			Clinical Research Secretary                     | NHS_TRUST        | false | CLINICAL_RESEARCH_SECRETARY
			Clinical Trials Administrator - Oncology        | NHS_TRUST        | true  | CLINICAL_RESEARCH_SECRETARY
			Medical Administration Manager                  | NHS_TRUST        | false | MEDICAL_ADMINISTRATION_MANAGER
			Medical Secretaries Manager                     | NHS_TRUST        | false | MEDICAL_ADMINISTRATION_MANAGER
			Practice Manager                                | GP_PRACTICE      | false | PRACTICE_MANAGER
			Assistant Practice Manager                      | GP_PRACTICE      | false | PRACTICE_MANAGER
			Patient Services Manager                        | NHS_TRUST        | false | PATIENT_SERVICES_MANAGER
			Clinical Coder                                  | NHS_TRUST        | false | CLINICAL_CODER
			Medical Receptionist                            | GP_PRACTICE      | false | MEDICAL_RECEPTIONIST
			Senior Receptionist                             | GP_PRACTICE      | false | MEDICAL_RECEPTIONIST
			Research Nurse                                  | NHS_TRUST        | false | OTHER
			Ward Manager                                    | NHS_TRUST        | false | OTHER
			Nursing Team Leader                             | NHS_TRUST        | false | OTHER
			Healthcare Assistant                            | NHS_TRUST        | false | OTHER
			""")
	void classifiesByTitleAndEmployer(String title, EmployerType employer, boolean namesSpecialty, Role role) {
		assertThat(RoleClassifier.classify(title, employer, namesSpecialty)).isEqualTo(role);
	}

}

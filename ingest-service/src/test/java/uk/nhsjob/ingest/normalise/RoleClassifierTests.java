package uk.nhsjob.ingest.normalise;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.common.vocabulary.Role;

import static org.assertj.core.api.Assertions.assertThat;

class RoleClassifierTests {

	@ParameterizedTest(name = "{0} at {1} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Medical Secretary to Consultant Cardiologist    | NHS_TRUST        | HOSPITAL_CONSULTANT_SECRETARY
			Secretary to Mr Patel, Orthopaedic Surgeon      | NHS_TRUST        | HOSPITAL_CONSULTANT_SECRETARY
			Medical Secretary - Dermatology                 | NHS_TRUST        | DEPARTMENTAL_SECRETARY
			Medical Secretary, Surgical Directorate         | NHS_TRUST        | DEPARTMENTAL_SECRETARY
			Medical Secretary                               | NHS_TRUST        | MEDICAL_SECRETARY
			Audio Typist                                    | NHS_TRUST        | MEDICAL_SECRETARY
			Medical Secretary                               | GP_PRACTICE      | GP_PRACTICE_SECRETARY
			Medical Secretary to Consultant Cardiologist    | PRIVATE_PRACTICE | PRIVATE_PRACTICE_SECRETARY
			Medical Secretary                               | OTHER            | MEDICAL_SECRETARY
			Senior Medical Secretary - Oncology             | NHS_TRUST        | SENIOR_MEDICAL_SECRETARY
			Senior Medical Secretary                        | GP_PRACTICE      | SENIOR_MEDICAL_SECRETARY
			Medical Secretaries Team Leader                 | NHS_TRUST        | MEDICAL_SECRETARY_TEAM_LEADER
			Reception Team Leader                           | GP_PRACTICE      | MEDICAL_SECRETARY_TEAM_LEADER
			Executive Assistant to the Medical Director     | NHS_TRUST        | TRUST_EXECUTIVE_SECRETARY
			PA to the Chief Executive                       | NHS_TRUST        | TRUST_EXECUTIVE_SECRETARY
			Executive Assistant to the Medical Director     | PRIVATE_PRACTICE | HEALTHCARE_EXECUTIVE_ASSISTANT
			Medico-Legal Secretary                          | PRIVATE_PRACTICE | MEDICAL_LEGAL_SECRETARY
			Clinical Research Secretary                     | NHS_TRUST        | CLINICAL_RESEARCH_SECRETARY
			Clinical Trials Administrator - Oncology        | NHS_TRUST        | CLINICAL_RESEARCH_SECRETARY
			Medical Administration Manager                  | NHS_TRUST        | MEDICAL_ADMINISTRATION_MANAGER
			Medical Secretaries Manager                     | NHS_TRUST        | MEDICAL_ADMINISTRATION_MANAGER
			Practice Manager                                | GP_PRACTICE      | PRACTICE_MANAGER
			Assistant Practice Manager                      | GP_PRACTICE      | PRACTICE_MANAGER
			Patient Services Manager                        | NHS_TRUST        | PATIENT_SERVICES_MANAGER
			Clinical Coder                                  | NHS_TRUST        | CLINICAL_CODER
			Medical Receptionist                            | GP_PRACTICE      | MEDICAL_RECEPTIONIST
			Senior Receptionist                             | GP_PRACTICE      | MEDICAL_RECEPTIONIST
			Research Nurse                                  | NHS_TRUST        | OTHER
			Ward Manager                                    | NHS_TRUST        | OTHER
			Nursing Team Leader                             | NHS_TRUST        | OTHER
			Healthcare Assistant                            | NHS_TRUST        | OTHER
			""")
	void classifiesByTitleAndEmployer(String title, EmployerType employer, Role role) {
		boolean namesSpecialty = !Specialties.in(title).isEmpty();

		assertThat(RoleClassifier.classify(title, employer, namesSpecialty)).isEqualTo(role);
	}

}

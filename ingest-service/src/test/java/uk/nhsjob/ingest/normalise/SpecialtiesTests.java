package uk.nhsjob.ingest.normalise;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhsjob.common.vocabulary.Specialty;

import static org.assertj.core.api.Assertions.assertThat;

class SpecialtiesTests {

	@ParameterizedTest(name = "{0} names {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Medical Secretary to Consultant Cardiologist | CARDIOLOGY
			Medical Secretary - Trauma & Orthopaedics    | ORTHOPAEDICS
			T&O Secretary                                | ORTHOPAEDICS
			Orthopedics                                  | ORTHOPAEDICS
			Cancer Services Secretary                    | ONCOLOGY
			Secretary - Ear, Nose & Throat               | ENT
			ENT Medical Secretary                        | ENT
			Obs & Gynae Secretary                        | OBSTETRICS_GYNAECOLOGY
			A&E Receptionist                             | EMERGENCY_MEDICINE
			Care of the Elderly Secretary                | OLDER_PEOPLE
			Paediatric Secretary                         | PAEDIATRICS
			Neurosurgery Secretary                       | NEUROSURGERY
			Histopathology Secretary                     | PATHOLOGY
			Oral and Maxillofacial Surgery               | MAXILLOFACIAL
			Renal Unit Secretary                         | RENAL
			""")
	void findsASpecialtyByItsNamesAndSynonyms(String text, Specialty specialty) {
		assertThat(Specialties.in(text)).containsExactly(specialty);
	}

	@Test
	void findsEverySpecialtyNamedInTitleAndField() {
		assertThat(Specialties.in("Medical Secretary - Dermatology", "Rheumatology; Haematology"))
			.containsExactly(Specialty.DERMATOLOGY, Specialty.HAEMATOLOGY, Specialty.RHEUMATOLOGY);
	}

	@Test
	void findsNoneInWordsThatOnlyContainAnAbbreviation() {
		List<String> titles = Arrays.asList("Agent", "Payment Clerk", "Medical Secretary", null);

		assertThat(titles).allSatisfy((title) -> assertThat(Specialties.in(title)).isEmpty());
	}

}

package uk.nhsjob.common;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.Specialty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VocabularyTests {

	@Test
	void bandsRunInAgendaForChangeOrder() {
		assertThat(Arrays.stream(Band.values()).map(Band::label)).containsExactly("2", "3", "4", "5", "6", "7", "8a",
				"8b", "8c", "8d", "9");
		assertThat(Band.BAND_8A.rank()).isGreaterThan(Band.BAND_7.rank()).isLessThan(Band.BAND_8B.rank());
	}

	@ParameterizedTest
	@CsvSource({ "4, BAND_4", "8a, BAND_8A", "8A, BAND_8A", " 9 , BAND_9" })
	void readsABandFromItsLabel(String label, Band expected) {
		assertThat(Band.fromLabel(label)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "1", "8e", "10", "Band 4" })
	void refusesWhatIsNotABandLabel(String label) {
		assertThatIllegalArgumentException().isThrownBy(() -> Band.fromLabel(label));
	}

	@Test
	void specialtiesReadAsWords() {
		assertThat(Specialty.OBSTETRICS_GYNAECOLOGY.label()).isEqualTo("obstetrics gynaecology");
		assertThat(Specialty.ENT.label()).isEqualTo("ENT");
	}

}

package uk.nhsjob.ingest.normalise;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import uk.nhsjob.common.vocabulary.Band;

import static org.assertj.core.api.Assertions.assertThat;

class PayScaleTests {

	static PayScale payScale;

	@BeforeAll
	static void readTheShippedTable() throws IOException {
		payScale = shipped();
	}

	static PayScale shipped() throws IOException {
		try (InputStream csv = PayScaleTests.class
			.getResourceAsStream("/pay-scales/afc-pay-scales-england-2025-26.csv")) {
			return PayScale.read(csv);
		}
	}

	@ParameterizedTest(name = "£{0} a year is {1}")
	@CsvSource(textBlock = """
			26000,  3
			28000,  4
			27485,  4
			27484,  3
			24937,  3
			20000,  2
			60000,  8a
			200000, 9
			""")
	void placesASalaryInTheHighestBandWhoseEntryItReaches(int annual, String band) {
		assertThat(payScale.bandOf(annual)).isEqualTo(Band.fromLabel(band));
	}

	@Test
	void placesARangeByItsEnds() {
		assertThat(payScale.bandsOf(26000, 32000)).hasValue(new BandRange(Band.BAND_3, Band.BAND_5));
		assertThat(payScale.bandsOf(null, 28000)).hasValue(BandRange.of(Band.BAND_4));
		assertThat(payScale.bandsOf(null, null)).isEmpty();
	}

}

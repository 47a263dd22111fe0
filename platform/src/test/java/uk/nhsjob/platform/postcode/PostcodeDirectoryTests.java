package uk.nhsjob.platform.postcode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PostcodeDirectoryTests {

	private static final PostcodeDirectory directory = PostcodeDirectory.load();

	@Test
	void placesAFullPostcodeAtItsSectorCentroid() {
		Coordinates ls62 = directory.locate(Postcode.parse("LS6 2AB").orElseThrow()).orElseThrow();
		assertThat(ls62.latitude()).isCloseTo(53.81658, within(1e-5));
		assertThat(ls62.longitude()).isCloseTo(-1.55861, within(1e-5));
	}

	@Test
	void placesAnOutwardCodeAtItsDistrictCentroid() {
		Coordinates ls6 = directory.locate(Postcode.parse("LS6").orElseThrow()).orElseThrow();
		assertThat(ls6.latitude()).isCloseTo(53.81846, within(1e-5));
	}

	@Test
	void fallsBackToTheDistrictWhenTheSectorIsUnknown() {
		Coordinates unknownSector = directory.locate(Postcode.parse("LS6 8ZZ").orElseThrow()).orElseThrow();
		Coordinates district = directory.locate(Postcode.parse("LS6").orElseThrow()).orElseThrow();
		assertThat(unknownSector).isEqualTo(district);
	}

	@Test
	void knowsNoNorthernIrishPostcode() {
		assertThat(directory.locate(Postcode.parse("BT1 1AA").orElseThrow())).isEmpty();
	}

	@Test
	void measuresGreatCircleMiles() {
		Coordinates leeds = directory.locate(Postcode.parse("LS1").orElseThrow()).orElseThrow();
		Coordinates manchester = directory.locate(Postcode.parse("M1").orElseThrow()).orElseThrow();
		// Leeds to Manchester city centres: about 36 miles as the crow flies
		assertThat(leeds.milesTo(manchester)).isBetween(34.0, 38.0);
		assertThat(leeds.milesTo(leeds)).isZero();
	}

}

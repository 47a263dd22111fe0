package uk.nhsjob.ingest.normalise;

import uk.nhsjob.common.vocabulary.Band;

/** The lowest and highest band of a vacancy; the same band twice for one band. */
record BandRange(Band min, Band max) {

	BandRange {
		if (min.rank() > max.rank()) {
			Band lower = max;
			max = min;
			min = lower;
		}
	}

	static BandRange of(Band band) {
		return new BandRange(band, band);
	}

}

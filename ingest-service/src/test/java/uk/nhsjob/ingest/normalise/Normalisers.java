package uk.nhsjob.ingest.normalise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * The normaliser as the service makes it, with the shipped postcode directory and pay
 * table, for tests outside this package that normalise without starting the service.
 */
public final class Normalisers {

	private Normalisers() {
	}

	/** A normaliser whose "today" is the clock's. */
	public static VacancyNormaliser shipped(Clock clock) {
		try {
			return new VacancyNormaliser(new Postcodes(PostcodeDirectory.load()), PayScaleTests.shipped(), clock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package uk.nhsjob.ingest.normalise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Band;

/**
 * The Agenda for Change entry salary of each band, read from the year's pay table
 * ({@code band,entry_annual,top_annual}), to place a vacancy that states a salary but no
 * band.
 */
final class PayScale {

	private final Map<Band, Integer> entrySalaries;

	private PayScale(Map<Band, Integer> entrySalaries) {
		if (entrySalaries.size() != Band.values().length) {
			throw new IllegalArgumentException("the pay table must give every band, from 2 to 9");
		}
		this.entrySalaries = entrySalaries;
	}

	static PayScale read(InputStream csv) throws IOException {
		Map<Band, Integer> entrySalaries = new EnumMap<>(Band.class);
		BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
		reader.readLine(); // header
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			if (!line.isBlank()) {
				String[] columns = line.split(",");
				entrySalaries.put(Band.fromLabel(columns[0]), Integer.parseInt(columns[1].trim()));
			}
		}
		return new PayScale(entrySalaries);
	}

	/**
	 * The highest band whose entry salary an annual full-time salary reaches; band 2
	 * below that.
	 */
	Band bandOf(int annualFullTime) {
		Band band = Band.BAND_2;
		for (Band candidate : Band.values()) {
			if (annualFullTime >= this.entrySalaries.get(candidate)) {
				band = candidate;
			}
		}
		return band;
	}

	/** The bands of a salary range; one end alone places both. */
	Optional<BandRange> bandsOf(@Nullable Integer minAnnual, @Nullable Integer maxAnnual) {
		Integer low = (minAnnual != null) ? minAnnual : maxAnnual;
		Integer high = (maxAnnual != null) ? maxAnnual : minAnnual;
		if (low == null || high == null) {
			return Optional.empty();
		}
		return Optional.of(new BandRange(bandOf(low), bandOf(high)));
	}

}

package uk.nhsjob.testsupport.oracle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a postcode is, read straight from the postcode files the product ships
 * ({@code postcodes/uk-postcode-sectors.csv} and {@code …-districts.csv} on the class
 * path, from the platform module): a full postcode at its sector's centroid, else its
 * district's; an outward code at its district's (docs/normalisation.md, "Location").
 * Distances are great circles on a sphere of the Earth's mean radius.
 */
public final class Centroids {

	private static final double EARTH_RADIUS_MILES = 3958.8;

	private static final Pattern FULL = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9])[A-Z]{2}");

	private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

	private final Map<String, Place> sectors;

	private final Map<String, Place> districts;

	private Centroids(Map<String, Place> sectors, Map<String, Place> districts) {
		this.sectors = sectors;
		this.districts = districts;
	}

	/** The centroids of the files shipped with the product. */
	public static Centroids shipped() {
		return new Centroids(read("postcodes/uk-postcode-sectors.csv"), read("postcodes/uk-postcode-districts.csv"));
	}

	/** Centroids given by the caller, keyed {@code "LS6 2"} and {@code "LS6"}. */
	static Centroids of(Map<String, Place> sectors, Map<String, Place> districts) {
		return new Centroids(Map.copyOf(sectors), Map.copyOf(districts));
	}

	/** The centroid of a full postcode's sector, else its district; empty if unknown. */
	public Optional<Place> locate(String postcode) {
		String compact = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
		Matcher full = FULL.matcher(compact);
		if (full.matches()) {
			Place sector = this.sectors.get(full.group(1) + " " + full.group(2));
			return (sector != null) ? Optional.of(sector) : Optional.ofNullable(this.districts.get(full.group(1)));
		}
		return OUTWARD.matcher(compact).matches() ? Optional.ofNullable(this.districts.get(compact)) : Optional.empty();
	}

	/**
	 * The great-circle distance between two postcodes' centroids; empty if either is
	 * unknown.
	 */
	public OptionalDouble milesBetween(String from, String to) {
		Optional<Place> a = locate(from);
		Optional<Place> b = locate(to);
		if (a.isEmpty() || b.isEmpty()) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(a.get().milesTo(b.get()));
	}

	private static Map<String, Place> read(String resource) {
		Map<String, Place> places = new HashMap<>();
		try (InputStream in = Centroids.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the class path (it ships in platform)");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			lines.readLine(); // code,latitude,longitude,postcodes
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				String[] columns = line.split(",");
				places.put(columns[0], new Place(Double.parseDouble(columns[1]), Double.parseDouble(columns[2])));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return places;
	}

	/**
	 * A point on the map.
	 *
	 * @param latitude degrees north
	 * @param longitude degrees east
	 */
	public record Place(double latitude, double longitude) {

		/** Haversine distance in miles. */
		public double milesTo(Place other) {
			double dLatitude = Math.toRadians(other.latitude - this.latitude);
			double dLongitude = Math.toRadians(other.longitude - this.longitude);
			double h = Math.pow(Math.sin(dLatitude / 2), 2) + Math.cos(Math.toRadians(this.latitude))
					* Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLongitude / 2), 2);
			return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
		}

	}

}

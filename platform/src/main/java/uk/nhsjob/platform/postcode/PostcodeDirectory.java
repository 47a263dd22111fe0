package uk.nhsjob.platform.postcode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a postcode is: its sector's centroid, else its district's (ONS data under the
 * Open Government Licence; see {@code postcodes/ATTRIBUTION.md}). Immutable once loaded;
 * load it once and share it.
 */
public final class PostcodeDirectory {

	private static final String SECTORS = "postcodes/uk-postcode-sectors.csv";

	private static final String DISTRICTS = "postcodes/uk-postcode-districts.csv";

	private final Map<String, Coordinates> sectors;

	private final Map<String, Coordinates> districts;

	private PostcodeDirectory(Map<String, Coordinates> sectors, Map<String, Coordinates> districts) {
		this.sectors = Map.copyOf(sectors);
		this.districts = Map.copyOf(districts);
	}

	/** The directory shipped on the classpath. */
	public static PostcodeDirectory load() {
		return new PostcodeDirectory(read(SECTORS), read(DISTRICTS));
	}

	/**
	 * The sector centroid of a full postcode, else its district's; empty when unknown.
	 */
	public Optional<Coordinates> locate(Postcode postcode) {
		Optional<Coordinates> sector = postcode.sector().map(this.sectors::get);
		return sector.isPresent() ? sector : Optional.ofNullable(this.districts.get(postcode.outward()));
	}

	public boolean knowsDistrict(String outward) {
		return this.districts.containsKey(outward);
	}

	private static Map<String, Coordinates> read(String resource) {
		Map<String, Coordinates> centroids = new HashMap<>();
		try (InputStream in = PostcodeDirectory.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing reference data: " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			reader.readLine(); // header: code,latitude,longitude,postcodes
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String[] columns = line.split(",");
				centroids.put(columns[0],
						new Coordinates(Double.parseDouble(columns[1]), Double.parseDouble(columns[2])));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return centroids;
	}

}

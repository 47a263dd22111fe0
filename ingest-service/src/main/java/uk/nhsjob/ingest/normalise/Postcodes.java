package uk.nhsjob.ingest.normalise;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import uk.nhsjob.platform.postcode.Coordinates;
import uk.nhsjob.platform.postcode.Postcode;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * Reads a postcode and finds where it is. A well-formed postcode in a district that does
 * not exist is refused too; Northern Ireland's are accepted without coordinates, as the
 * shipped centroids leave them out.
 */
@Component
public class Postcodes {

	private final PostcodeDirectory directory;

	public Postcodes(PostcodeDirectory directory) {
		this.directory = directory;
	}

	/**
	 * @throws IllegalArgumentException saying why, when the text is not a UK postcode
	 */
	public Location resolve(String text) {
		Postcode postcode = Postcode.parse(text.trim())
			.orElseThrow(() -> new IllegalArgumentException("not a UK postcode: " + abbreviate(text)));
		Optional<Coordinates> coordinates = this.directory.locate(postcode);
		if (coordinates.isEmpty() && !isNorthernIrish(postcode) && !this.directory.knowsDistrict(postcode.outward())) {
			throw new IllegalArgumentException("no such UK postcode district: " + postcode.outward());
		}
		return new Location(postcode, coordinates.orElse(null));
	}

	private static boolean isNorthernIrish(Postcode postcode) {
		return postcode.outward().startsWith("BT");
	}

	private static String abbreviate(String text) {
		return (text.length() > 20) ? text.substring(0, 20) + "…" : text;
	}

	/** A postcode and its centroid, when known. */
	public record Location(Postcode postcode, @Nullable Coordinates coordinates) {
	}

}

package uk.nhsjob.cluster;

import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.nhsjob.testsupport.oracle.Posting;

/**
 * The version of each advert the workload wrote, by the marker in its description
 * ({@code Ref q7x2k9ab.}), so a revision read from the vacancy topic is matched with the
 * facts its feed stated, not with what the ingest made of them.
 */
final class Markers {

	private static final Pattern MARKER = Pattern.compile("Ref ([a-z0-9]{8})\\.");

	private final Map<String, Posting> postings = new ConcurrentHashMap<>();

	String next(Random random) {
		StringBuilder marker = new StringBuilder();
		String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
		for (int i = 0; i < 8; i++) {
			marker.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return marker.toString();
	}

	void record(String marker, Posting posting) {
		this.postings.put(marker, posting);
	}

	/** The posting whose marker the description carries. */
	Optional<Posting> in(String description) {
		Matcher matcher = MARKER.matcher(description);
		return matcher.find() ? Optional.ofNullable(this.postings.get(matcher.group(1))) : Optional.empty();
	}

}

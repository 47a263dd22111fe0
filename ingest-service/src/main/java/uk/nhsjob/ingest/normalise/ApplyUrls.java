package uk.nhsjob.ingest.normalise;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An apply link must be an absolute {@code http} or {@code https} URL: anything else
 * ({@code javascript:}, a relative path) would be a broken or dangerous link in an email.
 */
final class ApplyUrls {

	static final int MAX_LENGTH = 2000;

	private ApplyUrls() {
	}

	/**
	 * @throws IllegalArgumentException saying why the text is not a link we would send
	 */
	static String check(String text) {
		String url = text.trim();
		if (url.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
				throw new IllegalArgumentException("must be an absolute http or https URL");
			}
			return url;
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("must be an absolute http or https URL");
		}
	}

}

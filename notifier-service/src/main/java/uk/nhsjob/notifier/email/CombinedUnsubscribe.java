package uk.nhsjob.notifier.email;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The {@code List-Unsubscribe} link of an email of several alerts: the one-click
 * unsubscribe address of the first alert's link, carrying the {@code token} of every
 * alert's link ({@code …/alerts/unsubscribe?token=A&token=B}), so that one click ends
 * each of them (docs/emails.md, "One email per person"). Each alert's own link is the one
 * its profile record carries, minted by the matcher; a link without a token adds none.
 */
public final class CombinedUnsubscribe {

	private CombinedUnsubscribe() {
	}

	/** The combined link of the alerts' unsubscribe links; the one link if only one. */
	public static String of(List<String> unsubscribeUrls) {
		if (unsubscribeUrls.size() == 1) {
			return unsubscribeUrls.get(0);
		}
		List<String> tokens = new ArrayList<>();
		for (String url : unsubscribeUrls) {
			String token = tokenOf(url);
			if (token != null && !tokens.contains(token)) {
				tokens.add(token);
			}
		}
		if (tokens.isEmpty()) {
			return unsubscribeUrls.get(0);
		}
		String base = UriComponentsBuilder.fromUriString(unsubscribeUrls.get(0))
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
		return base + "?" + tokens.stream().map((token) -> "token=" + token).collect(Collectors.joining("&"));
	}

	/** The link's token as it is written in it (encoded as the link encodes it). */
	private static @Nullable String tokenOf(String url) {
		try {
			String token = UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst("token");
			return (token == null || token.isBlank()) ? null : token;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

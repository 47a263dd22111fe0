package uk.nhsjob.notifier.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.notice.AddressNotice;

/**
 * What a notice from the topic must hold to be sent, checked as input from outside
 * (docs/events.md): an event id, a kind and a time; one bare address; an absolute
 * {@code https} link (or {@code http} to this machine, for the local stack's links). A
 * record that fails can never be sent: it is refused with an
 * {@link IllegalArgumentException}, which the failure policy dead-letters at once.
 */
final class NoticeCheck {

	/** RFC 5321's longest path, less its angle brackets. */
	private static final int MAX_ADDRESS_LENGTH = 254;

	/**
	 * RFC 5322's specials but the {@code @} and the dot: none has a place in a bare
	 * address.
	 */
	private static final String SPECIALS = "()<>[]:;,\\\"";

	private static final int MAX_URL_LENGTH = 2048;

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private NoticeCheck() {
	}

	/**
	 * @throws IllegalArgumentException saying why (without the address or the link)
	 */
	static void check(@Nullable AddressNotice notice) {
		if (notice == null) {
			throw new IllegalArgumentException("a notice with no value");
		}
		if (notice.eventId() == null || notice.kind() == null || notice.occurredAt() == null) {
			throw new IllegalArgumentException("a notice without its event id, kind or time");
		}
		if (!isPlainAddress(notice.email())) {
			throw new IllegalArgumentException("notice " + notice.eventId() + ": not an address we can send to");
		}
		if (!isLink(notice.url())) {
			throw new IllegalArgumentException("notice " + notice.eventId() + ": not an absolute https link");
		}
	}

	/**
	 * One bare address ({@code name@example.org}): no display name, list, group, comment,
	 * quoting or spaces.
	 */
	static boolean isPlainAddress(@Nullable String text) {
		if (text == null || text.isEmpty() || text.length() > MAX_ADDRESS_LENGTH || !isPrintableAscii(text)
				|| text.indexOf('@') != text.lastIndexOf('@')
				|| text.chars().anyMatch((c) -> SPECIALS.indexOf(c) >= 0)) {
			return false;
		}
		try {
			InternetAddress address = new InternetAddress(text, true);
			return address.getPersonal() == null && !address.isGroup() && text.equals(address.getAddress())
					&& text.indexOf('@') > 0;
		}
		catch (AddressException ex) {
			return false;
		}
	}

	/**
	 * An absolute {@code https} URL with a host and no user part; {@code http} only to
	 * loopback.
	 */
	static boolean isLink(@Nullable String text) {
		if (text == null || text.length() > MAX_URL_LENGTH || !isPrintableAscii(text)) {
			return false;
		}
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			String host = uri.getHost();
			if (!uri.isAbsolute() || uri.isOpaque() || host == null || uri.getRawUserInfo() != null) {
				return false;
			}
			return scheme.equals("https")
					|| (scheme.equals("http") && LOOPBACK.contains(host.toLowerCase(Locale.ROOT)));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** No space, control character or anything beyond ASCII: nothing to smuggle. */
	private static boolean isPrintableAscii(String text) {
		return text.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
	}

}

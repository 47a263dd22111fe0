package uk.nhsjob.matcher.limit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The group a client address counts in (docs/alerts.md, "Limits"): an IPv4 address on its
 * own, an IPv6 address by its /64, since one household or host commonly holds a whole
 * /64. The address has already been taken from {@code X-Forwarded-For} where a trusted
 * proxy sent it (Tomcat's {@code RemoteIpValve}).
 */
final class ClientAddress {

	private static final int IPV6_PREFIX_BYTES = 8;

	private ClientAddress() {
	}

	/**
	 * "192.0.2.7" stays itself; "2001:db8:1:2:aaaa::1" becomes "2001:db8:1:2:0:0:0:0/64".
	 * Anything not an IP literal is taken as it is.
	 */
	static String groupOf(String address) {
		if (!looksLikeLiteral(address)) {
			return address;
		}
		try {
			// a literal, so no name is looked up
			InetAddress parsed = InetAddress.getByName(address);
			if (parsed instanceof Inet6Address) {
				byte[] bytes = parsed.getAddress();
				Arrays.fill(bytes, IPV6_PREFIX_BYTES, bytes.length, (byte) 0);
				return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
			}
			return parsed.getHostAddress();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static boolean looksLikeLiteral(String address) {
		return !address.isEmpty()
				&& (address.indexOf(':') >= 0 || address.chars().allMatch((c) -> c == '.' || Character.isDigit(c)));
	}

}

package uk.nhsjob.ingest.pull.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * Which addresses a pull may connect to: public ones only, and loopback when the settings
 * allow it. Everything an attacker could use to reach the service's own network is
 * refused: private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), shared
 * (100.64/10), link-local (169.254/16, fe80::/10, where cloud metadata lives), multicast,
 * unspecified and reserved ones; an IPv6 address carrying an IPv4 one is judged by that.
 */
final class PullAddresses {

	private PullAddresses() {
	}

	/** Null when the address may be connected to; else what kind of address it is. */
	static @Nullable String whyRefused(InetAddress address, boolean allowLoopback) {
		if (address.isLoopbackAddress()) {
			return allowLoopback ? null : "a loopback address";
		}
		if (address instanceof Inet6Address) {
			InetAddress embedded = embeddedIpv4(address.getAddress());
			if (embedded != null) {
				return whyRefused(embedded, allowLoopback);
			}
		}
		if (address.isAnyLocalAddress()) {
			return "an unspecified address";
		}
		if (address.isLinkLocalAddress()) {
			return "a link-local address";
		}
		if (address.isSiteLocalAddress()) {
			return "a private address";
		}
		if (address.isMulticastAddress()) {
			return "a multicast address";
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return whyRefusedIpv4(bytes);
		}
		if ((bytes[0] & 0xfe) == 0xfc) {
			return "a private address";
		}
		return null;
	}

	private static @Nullable String whyRefusedIpv4(byte[] bytes) {
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		if (first == 0) {
			return "an unspecified address";
		}
		if (first == 100 && (second & 0xc0) == 64) {
			return "a private address";
		}
		if (first == 198 && (second & 0xfe) == 18) {
			return "a reserved address";
		}
		if (first >= 240) {
			return "a reserved address";
		}
		return null;
	}

	/**
	 * The IPv4 address inside an IPv4-compatible ({@code ::a.b.c.d}), NAT64
	 * ({@code 64:ff9b::a.b.c.d}) or 6to4 ({@code 2002:ab:cd::}) address.
	 */
	private static @Nullable InetAddress embeddedIpv4(byte[] bytes) {
		boolean compatible = true;
		for (int i = 0; i < 12; i++) {
			compatible &= bytes[i] == 0;
		}
		boolean nat64 = bytes[0] == 0x00 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
		for (int i = 4; nat64 && i < 12; i++) {
			nat64 = bytes[i] == 0;
		}
		try {
			if ((compatible && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0)) || nat64) {
				return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
			}
			if (bytes[0] == 0x20 && bytes[1] == 0x02) {
				return InetAddress.getByAddress(new byte[] { bytes[2], bytes[3], bytes[4], bytes[5] });
			}
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are always an IPv4 address", ex);
		}
		return null;
	}

}

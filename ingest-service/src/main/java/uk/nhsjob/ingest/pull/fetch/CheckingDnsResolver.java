package uk.nhsjob.ingest.pull.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to a host's addresses: every address is checked before the
 * client connects, and the client connects to the very addresses checked, so a name that
 * resolves differently the second time (DNS rebinding) gains nothing.
 */
final class CheckingDnsResolver implements DnsResolver {

	private final HostLookup lookup;

	private final boolean allowLoopback;

	private final boolean onlyLoopback;

	/**
	 * @param onlyLoopback for plain http: every address must be a loopback one
	 */
	CheckingDnsResolver(HostLookup lookup, boolean allowLoopback, boolean onlyLoopback) {
		this.lookup = lookup;
		this.allowLoopback = allowLoopback;
		this.onlyLoopback = onlyLoopback;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses = this.lookup.addressesOf(name);
		if (addresses.length == 0) {
			throw new UnknownHostException(name + " has no address");
		}
		for (InetAddress address : addresses) {
			if (this.onlyLoopback && !address.isLoopbackAddress()) {
				throw new RefusedAddressException(name + " resolves to " + address.getHostAddress()
						+ ", and plain http is only allowed to a loopback address");
			}
			String refused = PullAddresses.whyRefused(address, this.allowLoopback);
			if (refused != null) {
				throw new RefusedAddressException(
						name + " resolves to " + address.getHostAddress() + ", " + refused + ", which is refused");
			}
		}
		return addresses;
	}

	/** Never asked for without Kerberos; answered without a lookup all the same. */
	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

}

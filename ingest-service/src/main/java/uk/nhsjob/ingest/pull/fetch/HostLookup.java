package uk.nhsjob.ingest.pull.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Every address a host name resolves to (or the address a literal names). */
@FunctionalInterface
interface HostLookup {

	InetAddress[] addressesOf(String host) throws UnknownHostException;

	static HostLookup system() {
		return InetAddress::getAllByName;
	}

}

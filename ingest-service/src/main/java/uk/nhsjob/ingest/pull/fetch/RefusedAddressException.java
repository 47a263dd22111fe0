package uk.nhsjob.ingest.pull.fetch;

import java.net.UnknownHostException;

/**
 * A host that resolves to an address a pull may not connect to; thrown by the resolver,
 * before any connection is made.
 */
class RefusedAddressException extends UnknownHostException {

	RefusedAddressException(String reason) {
		super(reason);
	}

}

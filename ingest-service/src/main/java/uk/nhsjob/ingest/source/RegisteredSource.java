package uk.nhsjob.ingest.source;

import java.time.Instant;
import java.util.List;

import uk.nhsjob.common.vocabulary.EmployerType;

/**
 * A source as the rest of the service and the admin calls see it: never its keys' secrets
 * or hashes.
 *
 * @param postcode normalised ({@code LS1 4AP}); a vacancy without one takes this
 */
public record RegisteredSource(String sourceId, String name, EmployerType employerType, String postcode,
		Instant registeredAt, List<Key> keys) {

	/** The request attribute holding the source that a feed call authenticated as. */
	public static final String REQUEST_ATTRIBUTE = "uk.nhsjob.ingest.source.RegisteredSource";

	public RegisteredSource {
		keys = List.copyOf(keys);
	}

	/** A key by its id and when it was issued. */
	public record Key(String keyId, Instant issuedAt) {
	}

}

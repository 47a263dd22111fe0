package uk.nhsjob.ingest.source;

import java.time.Instant;

import org.springframework.data.mongodb.core.index.Indexed;

/**
 * One API key of a source: only its hash is kept.
 */
record SourceKey(String keyId, @Indexed String keyHash, Instant issuedAt) {

	RegisteredSource.Key view() {
		return new RegisteredSource.Key(this.keyId, this.issuedAt);
	}

}

package uk.nhsjob.notifier.suppression;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An address the SMTP server refused for good at {@code RCPT TO}, in
 * {@code suppressedAddresses}.
 *
 * @param addressHash the keyed hash of the lower-cased address ({@code hmac:<hex>}), or
 * for one kept before the key, its plain SHA-256 (moved to the keyed hash when next read)
 * @param replyCode the server's reply code (null for one kept before codes were)
 * @param reason the server's reply, every address in it replaced by {@code <address>}
 * @param suppressedAt when
 */
@Document("suppressedAddresses")
public record Suppression(@Id String addressHash, @Nullable Integer replyCode, String reason, Instant suppressedAt) {

	Suppression rekeyed(String keyedHash) {
		return new Suppression(keyedHash, this.replyCode, this.reason, this.suppressedAt);
	}

}

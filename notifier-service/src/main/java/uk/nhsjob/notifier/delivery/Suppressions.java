package uk.nhsjob.notifier.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Addresses the SMTP server refused for good (a 5xx): no more mail goes to them. Kept as
 * a hash of the address, so that erasing an alert leaves no address here.
 */
@Component
class Suppressions {

	private final MongoTemplate mongo;

	private final Clock clock;

	Suppressions(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	void suppress(String address, String reason) {
		this.mongo.save(new Suppression(hashOf(address), reason, this.clock.instant()));
	}

	/** The suppressed ones of the given addresses, with why, in one query. */
	Map<String, String> reasonsFor(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return Map.of();
		}
		Map<String, String> byHash = new HashMap<>();
		for (Suppression suppression : this.mongo.find(
				query(where("_id").in(addresses.stream().map(Suppressions::hashOf).distinct().toList())),
				Suppression.class)) {
			byHash.put(suppression.addressHash(), suppression.reason());
		}
		Map<String, String> reasons = new HashMap<>();
		for (String address : addresses) {
			String reason = byHash.get(hashOf(address));
			if (reason != null) {
				reasons.put(address, reason);
			}
		}
		return reasons;
	}

	private static String hashOf(String address) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	@Document("suppressedAddresses")
	record Suppression(@Id String addressHash, String reason, Instant suppressedAt) {
	}

}

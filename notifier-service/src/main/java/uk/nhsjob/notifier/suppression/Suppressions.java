package uk.nhsjob.notifier.suppression;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Addresses the SMTP server refused for good at {@code RCPT TO}: no more mail goes to
 * them until an operator lifts the suppression. Kept under a keyed hash of the address
 * ({@link AddressHash}), so the collection holds no address and cannot be checked against
 * a list of addresses without the key. One kept under the plain SHA-256 of earlier
 * versions is still found, and moved to the keyed hash when it is.
 */
@Component
public class Suppressions {

	private final MongoTemplate mongo;

	private final Clock clock;

	private final AddressHash hash;

	Suppressions(MongoTemplate mongo, Clock clock, SuppressionSettings settings) {
		String key = settings.addressKey();
		if (key == null || key.isBlank()) {
			throw new MissingAddressKeyException();
		}
		this.mongo = mongo;
		this.clock = clock;
		this.hash = new AddressHash(key);
	}

	/**
	 * The keyed hash of an address: a key to group by that is not the address
	 * (docs/emails.md, "One email per person").
	 */
	public String addressKey(String address) {
		return this.hash.of(address);
	}

	/** Suppresses the address; {@code reply} must hold no address (it is kept). */
	public void suppress(String address, int replyCode, String reply) {
		this.mongo.save(new Suppression(this.hash.of(address), replyCode, reply, this.clock.instant()));
	}

	/** The suppressed ones of the given addresses, with why, in one query. */
	public Map<String, String> reasonsFor(Collection<String> addresses) {
		if (addresses.isEmpty()) {
			return Map.of();
		}
		Map<String, Suppression> byHash = new HashMap<>();
		List<String> hashes = addresses.stream()
			.distinct()
			.flatMap((address) -> List.of(this.hash.of(address), AddressHash.legacyOf(address)).stream())
			.toList();
		for (Suppression suppression : this.mongo.find(query(where("_id").in(hashes)), Suppression.class)) {
			byHash.put(suppression.addressHash(), suppression);
		}
		Map<String, String> reasons = new HashMap<>();
		for (String address : addresses) {
			found(address, byHash).ifPresent((suppression) -> reasons.put(address, suppression.reason()));
		}
		return reasons;
	}

	/** The address's suppression, if it has one. */
	public Optional<Suppression> lookup(String address) {
		return Optional.ofNullable(reasonsFor(List.of(address)).isEmpty() ? null
				: this.mongo.findById(this.hash.of(address), Suppression.class));
	}

	/** Lifts the address's suppression: mail goes to it again. False when it had none. */
	public boolean lift(String address) {
		return this.mongo
			.remove(query(where("_id").in(this.hash.of(address), AddressHash.legacyOf(address))), Suppression.class)
			.getDeletedCount() > 0;
	}

	private Optional<Suppression> found(String address, Map<String, Suppression> byHash) {
		String keyed = this.hash.of(address);
		Suppression suppression = byHash.get(keyed);
		if (suppression != null) {
			return Optional.of(suppression);
		}
		Suppression legacy = byHash.get(AddressHash.legacyOf(address));
		if (legacy == null) {
			return Optional.empty();
		}
		this.mongo.save(legacy.rekeyed(keyed));
		this.mongo.remove(query(where("_id").is(legacy.addressHash())), Suppression.class);
		return Optional.of(legacy);
	}

}

package uk.nhsjob.ingest.source;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import uk.nhsjob.common.vocabulary.EmployerType;
import uk.nhsjob.ingest.Problems;
import uk.nhsjob.ingest.Problems.FieldProblem;
import uk.nhsjob.ingest.normalise.Postcodes;

/**
 * Registers sources and issues, revokes and recognises their keys.
 */
@Service
class SourceRegistry {

	private static final Logger log = LoggerFactory.getLogger(SourceRegistry.class);

	private final Sources sources;

	private final MongoOperations mongo;

	private final Postcodes postcodes;

	private final Clock clock;

	SourceRegistry(Sources sources, MongoOperations mongo, Postcodes postcodes, Clock clock) {
		this.sources = sources;
		this.mongo = mongo;
		this.postcodes = postcodes;
		this.clock = clock;
	}

	/** Registers a source with its first key; 409 when the id is taken. */
	IssuedKey register(String sourceId, String name, EmployerType employerType, String postcode) {
		String normalisedPostcode = resolvePostcode(postcode);
		IssuedKey issued = issue();
		Source source = new Source(sourceId, name.trim(), employerType, normalisedPostcode, this.clock.instant(),
				List.of(issued.key()), null);
		try {
			this.sources.insert(source);
		}
		catch (DuplicateKeyException ex) {
			throw Problems.of(HttpStatus.CONFLICT, "A source with the id " + sourceId + " is registered already.");
		}
		log.info("Registered source {} ({}, {})", sourceId, employerType, normalisedPostcode);
		return issued;
	}

	List<RegisteredSource> list() {
		return this.sources.findAll(Sort.by("sourceId")).stream().map(Source::view).toList();
	}

	/** One more key for a source, so that it can rotate without a gap. */
	IssuedKey issueKey(String sourceId) {
		IssuedKey issued = issue();
		long matched = this.mongo
			.updateFirst(bySourceId(sourceId), new Update().push("keys", issued.key()), Source.class)
			.getMatchedCount();
		if (matched == 0) {
			throw unknownSource(sourceId);
		}
		log.info("Issued key {} to source {}", issued.key().keyId(), sourceId);
		return issued;
	}

	void revokeKey(String sourceId, String keyId) {
		Query query = bySourceId(sourceId).addCriteria(Criteria.where("keys.keyId").is(keyId));
		Update pull = new Update().pull("keys", Query.query(Criteria.where("keyId").is(keyId)).getQueryObject());
		if (this.mongo.updateFirst(query, pull, Source.class).getModifiedCount() == 0) {
			throw this.sources.existsById(sourceId)
					? Problems.of(HttpStatus.NOT_FOUND, "Source " + sourceId + " has no key " + keyId + ".")
					: unknownSource(sourceId);
		}
		log.info("Revoked key {} of source {}", keyId, sourceId);
	}

	/** The source that holds this key, if any. */
	Optional<RegisteredSource> ownerOf(String apiKey) {
		return this.sources.findByKeysKeyHash(ApiKeys.hashOf(apiKey)).map(Source::view);
	}

	private String resolvePostcode(String postcode) {
		try {
			return this.postcodes.resolve(postcode).postcode().toString();
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalid("The request has invalid fields.",
					List.of(new FieldProblem("postcode", ex.getMessage())));
		}
	}

	private IssuedKey issue() {
		String secret = ApiKeys.newSecret();
		return new IssuedKey(new SourceKey(ApiKeys.newKeyId(), ApiKeys.hashOf(secret), this.clock.instant()), secret);
	}

	private static Query bySourceId(String sourceId) {
		return Query.query(Criteria.where("sourceId").is(sourceId));
	}

	private static RuntimeException unknownSource(String sourceId) {
		return Problems.of(HttpStatus.NOT_FOUND, "No source " + sourceId + " is registered.");
	}

	/** A key as stored, and its secret, which is shown once. */
	record IssuedKey(SourceKey key, String secret) {
	}

}

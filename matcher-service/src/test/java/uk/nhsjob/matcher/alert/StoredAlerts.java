package uk.nhsjob.matcher.alert;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;

import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.profile.ProfileCriteria;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;

/** Alerts as they are stored, for tests that write them straight to MongoDB. */
public final class StoredAlerts {

	private StoredAlerts() {
	}

	/**
	 * Confirmed, its profile and welcome set long published: matched from its profile
	 * record ({@link #profileOf}) on.
	 */
	public static Alert active(String email, Criteria criteria, Instant confirmedAt) {
		return new Alert(UUID.randomUUID().toString(), email, criteria.normalised(), Frequency.INSTANT,
				AlertStatus.ACTIVE, null, 1, 1, confirmedAt, confirmedAt, confirmedAt, false, false, false, 1);
	}

	/**
	 * Confirmed before profile schema version 2: activations were not counted, and its
	 * latest profile record is {@link #versionOneProfileOf}, without criteria.
	 */
	public static Alert activeBeforeSchema2(String email, Criteria criteria, Instant confirmedAt) {
		return new Alert(UUID.randomUUID().toString(), email, criteria.normalised(), Frequency.INSTANT,
				AlertStatus.ACTIVE, null, 1, 1, confirmedAt, confirmedAt, confirmedAt, false, false, false, 0);
	}

	/** The stored alert's profile record as schema version 1 had it: no criteria. */
	public static AlertProfileChanged versionOneProfileOf(Alert alert) {
		return new AlertProfileChanged(UUID.randomUUID(), 1, alert.createdAt(), alert.id(), alert.revision(),
				alert.email(), alert.status(), alert.frequency(), "jobs", 1, "http://localhost/c", "http://localhost/m",
				"http://localhost/u", null, null);
	}

	/**
	 * The stored alert's profile record as the matcher publishes it when the alert
	 * becomes active: its own append time is the moment it is matched from.
	 */
	public static AlertProfileChanged profileOf(Alert alert) {
		Criteria criteria = alert.criteria();
		return new AlertProfileChanged(UUID.randomUUID(), AlertProfileChanged.SCHEMA_VERSION, alert.createdAt(),
				alert.id(), alert.revision(), alert.email(), alert.status(), alert.frequency(), "jobs", 1,
				"http://localhost/c", "http://localhost/m", "http://localhost/u",
				new ProfileCriteria(criteria.roles(), criteria.bandMin(), criteria.bandMax(), criteria.postcode(),
						criteria.radiusMiles(), Boolean.TRUE.equals(criteria.includeRemote()),
						criteria.workingPatterns(), criteria.contractTypes(), criteria.specialties(),
						criteria.employerTypes(), criteria.minSalary(), criteria.keywords()),
				true, null);
	}

	/**
	 * Remembers the schema-2 republication as done and complete long ago, for a database
	 * whose alerts' profiles a test publishes itself.
	 */
	public static void republicationDone(MongoOperations mongo) {
		mongo.insert(new Document("_id", ProfileRepublication.ID).append("markedAt", new Date(0))
			.append("completedAt", new Date(0)), ProfileRepublication.COLLECTION);
	}

}

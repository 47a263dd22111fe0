package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.profile.ProfileCriteria;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.index.MatchIndex;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * The active alerts in a {@link MatchIndex}, as the profile stream tells them
 * ({@link AlertProfileReader}), with each one's revision and the moment from which it is
 * matched (docs/matching.md, "Several instances"): a record with a lower revision than
 * the one held is ignored; an {@code ACTIVE} record with criteria puts the alert in, any
 * other record or a tombstone takes it out.
 * <p>
 * A version of an active alert that a later record supersedes (other criteria, pause,
 * unsubscribe) stays matchable for the vacancies appended while it was in force, for
 * {@link TopicReadingSettings#supersededRetention()} of later profile records
 * ({@link SupersededVersions}): a vacancy is judged by the version in force at its own
 * append time, however far the profile reader has got since. An erased alert's versions
 * go at once.
 * <p>
 * Many readers at once (the matching threads), one writer (the profile reader).
 */
@Component
class ActiveAlertIndex {

	private static final Logger log = LoggerFactory.getLogger(ActiveAlertIndex.class);

	private final MatchIndex index;

	private final AlertRevisions revisions = new AlertRevisions();

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	/**
	 * The alerts whose tombstone was read, oldest first, with its append time: each is
	 * forgotten once a record appended
	 * {@link TopicDeclarations#PROFILE_TOMBSTONE_LIFETIME} after its tombstone is read,
	 * as long as a starting instance could still read the tombstone, so that erased
	 * alerts do not pile up for as long as the instance runs.
	 */
	private final Deque<Erasure> erasures = new ArrayDeque<>();

	/** Their criteria are in {@link #index} under their own keys. */
	private final SupersededVersions superseded = new SupersededVersions();

	private final Duration supersededRetention;

	ActiveAlertIndex(PostcodeDirectory postcodes, TopicReadingSettings settings) {
		this.index = new MatchIndex(postcodes);
		this.supersededRetention = settings.supersededRetention();
	}

	/**
	 * Takes in one profile record.
	 * @param profile null for a tombstone
	 * @param appendedAt the record's append time on the broker
	 * @return whether it changed what is held; false for a lower revision
	 */
	boolean apply(UUID alertId, @Nullable AlertProfileChanged profile, Instant appendedAt) {
		this.lock.writeLock().lock();
		try {
			forgetErasuresBefore(appendedAt.minus(TopicDeclarations.PROFILE_TOMBSTONE_LIFETIME));
			forgetSupersededBefore(appendedAt.minus(this.supersededRetention));
			long held = this.revisions.revision(alertId);
			long heldSince = this.revisions.sinceMillis(alertId);
			if (profile == null) {
				this.index.remove(alertId.toString());
				this.superseded.forgetAlert(alertId).forEach((key) -> this.index.remove(key.toString()));
				this.revisions.put(alertId, AlertRevisions.ERASED, Long.MAX_VALUE);
				this.erasures.addLast(new Erasure(alertId, appendedAt));
				return true;
			}
			if (held == AlertRevisions.ERASED || profile.revision() < held) {
				return false;
			}
			ProfileCriteria criteria = profile.criteria();
			boolean active = profile.status() == AlertStatus.ACTIVE && criteria != null;
			Instant since = (profile.matchingSince() != null) ? profile.matchingSince() : appendedAt;
			if (heldSince != Long.MAX_VALUE && (!active || since.toEpochMilli() != heldSince)) {
				keepSuperseded(alertId, held, heldSince, appendedAt.toEpochMilli());
			}
			if (active && put(alertId, criteria)) {
				this.revisions.put(alertId, profile.revision(), since.toEpochMilli());
			}
			else {
				this.index.remove(alertId.toString());
				this.revisions.put(alertId, profile.revision(), Long.MAX_VALUE);
			}
			return true;
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * The alerts the vacancy matches by the rules of docs/matching.md (the vacancy being
	 * open), each by its version in force at the vacancy record's append time: its
	 * current one if matched from a moment before it, else a superseded one in force
	 * then; each alert at most once.
	 */
	List<MatchIndex.IndexMatch> matching(Vacancy vacancy, Instant appendedAt) {
		long appended = appendedAt.toEpochMilli();
		this.lock.readLock().lock();
		try {
			List<MatchIndex.IndexMatch> matches = new ArrayList<>();
			List<MatchIndex.IndexMatch> bySupersededVersions = new ArrayList<>();
			for (MatchIndex.IndexMatch hit : this.index.matches(vacancy)) {
				UUID id = UUID.fromString(hit.alertId());
				SupersededVersions.Version version = this.superseded.version(id);
				if (version == null) {
					if (this.revisions.sinceMillis(id) < appended) {
						matches.add(hit);
					}
				}
				else if (version.inForceAt(appended)) {
					bySupersededVersions
						.add(new MatchIndex.IndexMatch(version.alertId().toString(), hit.distanceMiles()));
				}
			}
			if (!bySupersededVersions.isEmpty()) {
				Set<String> alerts = new HashSet<>();
				matches.forEach((match) -> alerts.add(match.alertId()));
				bySupersededVersions.stream().filter((match) -> alerts.add(match.alertId())).forEach(matches::add);
			}
			return matches;
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** How many alerts it holds a revision of, erased ones included. */
	int alertsHeardOf() {
		this.lock.readLock().lock();
		try {
			return this.revisions.size();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** How many alerts are active now. */
	int size() {
		this.lock.readLock().lock();
		try {
			return this.index.size() - this.superseded.size();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** Under the write lock. */
	private void forgetErasuresBefore(Instant moment) {
		while (!this.erasures.isEmpty() && this.erasures.peekFirst().tombstoneAppendedAt().isBefore(moment)) {
			UUID alertId = this.erasures.removeFirst().alertId();
			// unless a record read since its tombstone says otherwise
			if (this.revisions.revision(alertId) == AlertRevisions.ERASED) {
				this.revisions.remove(alertId);
			}
		}
	}

	/**
	 * Under the write lock. Keeps the alert's active version, in force from
	 * {@code sinceMillis} until {@code untilMillis}, under a key of its own.
	 */
	private void keepSuperseded(UUID alertId, long revision, long sinceMillis, long untilMillis) {
		if (untilMillis <= sinceMillis) {
			return;
		}
		UUID key = SupersededVersions.keyOf(alertId, revision, sinceMillis);
		if (this.index.rekey(alertId.toString(), key.toString())) {
			this.superseded.keep(key, new SupersededVersions.Version(alertId, sinceMillis, untilMillis));
		}
	}

	/** Under the write lock. */
	private void forgetSupersededBefore(Instant moment) {
		this.superseded.forgetSupersededBefore(moment.toEpochMilli())
			.forEach((key) -> this.index.remove(key.toString()));
	}

	/** Criteria out of range (a hostile record) put nothing in. */
	private boolean put(UUID alertId, ProfileCriteria criteria) {
		try {
			this.index.put(alertId.toString(), criteriaOf(criteria));
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Profile of alert {} has criteria the index refuses: {}", alertId, ex.toString());
			return false;
		}
	}

	static Criteria criteriaOf(ProfileCriteria criteria) {
		return new Criteria(criteria.roles(), criteria.bandMin(), criteria.bandMax(), criteria.postcode(),
				criteria.radiusMiles(), criteria.includeRemote(), criteria.workingPatterns(), criteria.contractTypes(),
				criteria.specialties(), criteria.employerTypes(), criteria.minSalary(), criteria.keywords())
			.normalised();
	}

	private record Erasure(UUID alertId, Instant tombstoneAppendedAt) {
	}

}

package uk.nhsjob.matcher.alert;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;

/**
 * One candidate's alert. Besides its state it carries its own outbox: MongoDB here has no
 * transactions, so a change is saved with {@code pendingPublication} set, and the flag is
 * cleared only once the broker has acknowledged the change's profile record.
 */
@Document("alerts")
public class Alert {

	@Id
	private final String id;

	@Indexed
	private final String email;

	private Criteria criteria;

	private Frequency frequency;

	private AlertStatus status;

	@Version
	private @Nullable Long version;

	/** Part of every link's token: raising it revokes every link issued before. */
	private int tokenVersion;

	private int confirmationRequest;

	private final Instant createdAt;

	private Instant confirmationRequestedAt;

	private @Nullable Instant confirmedAt;

	private boolean pendingPublication;

	/** Set when the alert is confirmed, cleared once its welcome set is published. */
	private boolean welcomeSetPending;

	/**
	 * Set first when the alert is to be erased: from then on it opens for nobody, and the
	 * outbox publishes its tombstone and then deletes it.
	 */
	private boolean erasing;

	/**
	 * Counts the changes that set the moment the alert is matched from: confirming,
	 * resuming, and changing the criteria of an active alert (docs/matching.md, "Several
	 * instances").
	 */
	private int activation;

	/**
	 * When the alert was unsubscribed or expired; it is erased a while later
	 * ({@link StoppedAlerts}). Null while it is live.
	 */
	private @Nullable Instant stoppedAt;

	/**
	 * Whether its digests remind of earlier-sent vacancies closing soon (docs/alerts.md,
	 * "Closing soon"). Stored only once turned off or on again: null, as in an alert
	 * saved before the setting existed, means on.
	 */
	private @Nullable Boolean closingSoon;

	@PersistenceCreator
	Alert(String id, String email, Criteria criteria, Frequency frequency, AlertStatus status, @Nullable Long version,
			int tokenVersion, int confirmationRequest, Instant createdAt, Instant confirmationRequestedAt,
			@Nullable Instant confirmedAt, boolean pendingPublication, boolean welcomeSetPending, boolean erasing,
			int activation, @Nullable Instant stoppedAt, @Nullable Boolean closingSoon) {
		this.id = id;
		this.email = email;
		this.criteria = criteria;
		this.frequency = frequency;
		this.status = status;
		this.version = version;
		this.tokenVersion = tokenVersion;
		this.confirmationRequest = confirmationRequest;
		this.createdAt = createdAt;
		this.confirmationRequestedAt = confirmationRequestedAt;
		this.confirmedAt = confirmedAt;
		this.pendingPublication = pendingPublication;
		this.welcomeSetPending = welcomeSetPending;
		this.erasing = erasing;
		this.activation = activation;
		this.stoppedAt = stoppedAt;
		this.closingSoon = closingSoon;
	}

	Alert(String id, String email, Criteria criteria, Frequency frequency, AlertStatus status, @Nullable Long version,
			int tokenVersion, int confirmationRequest, Instant createdAt, Instant confirmationRequestedAt,
			@Nullable Instant confirmedAt, boolean pendingPublication, boolean welcomeSetPending, boolean erasing,
			int activation, @Nullable Instant stoppedAt) {
		this(id, email, criteria, frequency, status, version, tokenVersion, confirmationRequest, createdAt,
				confirmationRequestedAt, confirmedAt, pendingPublication, welcomeSetPending, erasing, activation,
				stoppedAt, null);
	}

	Alert(String id, String email, Criteria criteria, Frequency frequency, AlertStatus status, @Nullable Long version,
			int tokenVersion, int confirmationRequest, Instant createdAt, Instant confirmationRequestedAt,
			@Nullable Instant confirmedAt, boolean pendingPublication, boolean welcomeSetPending, boolean erasing,
			int activation) {
		this(id, email, criteria, frequency, status, version, tokenVersion, confirmationRequest, createdAt,
				confirmationRequestedAt, confirmedAt, pendingPublication, welcomeSetPending, erasing, activation, null);
	}

	Alert(String id, String email, Criteria criteria, Frequency frequency, AlertStatus status, @Nullable Long version,
			int tokenVersion, int confirmationRequest, Instant createdAt, Instant confirmationRequestedAt,
			@Nullable Instant confirmedAt, boolean pendingPublication, boolean welcomeSetPending, boolean erasing) {
		this(id, email, criteria, frequency, status, version, tokenVersion, confirmationRequest, createdAt,
				confirmationRequestedAt, confirmedAt, pendingPublication, welcomeSetPending, erasing, 0, null);
	}

	/**
	 * A new alert waiting for its first confirmation email to be answered.
	 * @param emailAllowed false when the address is over its confirmation rate limit: the
	 * alert then asks for no email ({@code confirmationRequest} 0) until asked again
	 */
	static Alert pending(String email, Criteria criteria, Frequency frequency, Instant now, boolean emailAllowed) {
		return pending(UUID.randomUUID().toString(), email, criteria, frequency, now, emailAllowed);
	}

	/** The same, under the id the request was answered with. */
	static Alert pending(String id, String email, Criteria criteria, Frequency frequency, Instant now,
			boolean emailAllowed) {
		return new Alert(id, email, criteria, frequency, AlertStatus.PENDING_CONFIRMATION, null, 1,
				emailAllowed ? 1 : 0, now, now, null, true, false, false, 0, null, null);
	}

	boolean asksFor(Criteria criteria, Frequency frequency) {
		return this.criteria.equals(criteria) && this.frequency == frequency;
	}

	/**
	 * The candidate asked again while the alert is pending: one more email is due. The
	 * alert still expires, and its link with it, a fixed time after the first request, so
	 * asking again never keeps a pending alert alive (docs/alerts.md, "How many alerts").
	 */
	void requestConfirmationAgain() {
		this.confirmationRequest++;
		this.pendingPublication = true;
	}

	/**
	 * Ends a pending alert to make room for a newer one of its address.
	 * @return whether it expired now
	 */
	boolean giveWay(Instant now) {
		if (this.status != AlertStatus.PENDING_CONFIRMATION || this.erasing) {
			return false;
		}
		this.status = AlertStatus.EXPIRED;
		this.stoppedAt = now;
		this.pendingPublication = true;
		return true;
	}

	/**
	 * Replaces what the alert looks for and how often, and pauses or resumes it, keeping
	 * its closing-soon setting.
	 * @return whether anything changed
	 * @throws AlertNotChangeable when the alert has ended, or to pause a pending one
	 */
	boolean edit(Criteria criteria, Frequency frequency, boolean paused) {
		return edit(criteria, frequency, paused, closingSoon());
	}

	/**
	 * Replaces what the alert looks for, how often, and whether its digests remind of
	 * vacancies closing soon, and pauses or resumes it. Nothing is matched retroactively:
	 * matching happens as vacancies arrive. The closing-soon setting is the notifier's
	 * alone: changing it only publishes the alert's new state, as a change of frequency
	 * does.
	 * @return whether anything changed
	 * @throws AlertNotChangeable when the alert has ended, or to pause a pending one
	 */
	boolean edit(Criteria criteria, Frequency frequency, boolean paused, boolean closingSoon) {
		if (!isLive()) {
			throw new AlertNotChangeable("the alert has ended; create a new one");
		}
		AlertStatus next = this.status;
		if (this.status == AlertStatus.PENDING_CONFIRMATION) {
			if (paused) {
				throw new AlertNotChangeable("a pending alert cannot be paused; confirm it first");
			}
		}
		else {
			next = paused ? AlertStatus.PAUSED : AlertStatus.ACTIVE;
		}
		if (next == this.status && this.criteria.equals(criteria) && this.frequency == frequency
				&& closingSoon() == closingSoon) {
			return false;
		}
		if (next == AlertStatus.ACTIVE && (this.status != AlertStatus.ACTIVE || !this.criteria.equals(criteria))) {
			this.activation++;
		}
		this.criteria = criteria;
		this.frequency = frequency;
		this.status = next;
		if (closingSoon() != closingSoon) {
			this.closingSoon = closingSoon;
		}
		this.pendingPublication = true;
		return true;
	}

	/**
	 * Stops the alert for good; its manage link still opens it, to delete or erase it.
	 * @return whether it was live until now
	 */
	boolean unsubscribe(Instant now) {
		if (!isLive()) {
			return false;
		}
		this.status = AlertStatus.UNSUBSCRIBED;
		this.stoppedAt = now;
		this.pendingPublication = true;
		return true;
	}

	/**
	 * Ends a pending alert whose latest confirmation link has expired.
	 * @return whether it expired now
	 */
	boolean expireIfUnconfirmedSince(Instant cutoff, Instant now) {
		if (this.status != AlertStatus.PENDING_CONFIRMATION || this.erasing
				|| this.confirmationRequestedAt.isAfter(cutoff)) {
			return false;
		}
		this.status = AlertStatus.EXPIRED;
		this.stoppedAt = now;
		this.pendingPublication = true;
		return true;
	}

	/**
	 * The first step of erasure: the alert opens for nobody from now on (its links are
	 * revoked too), and its outbox owes a tombstone.
	 * @return whether it was live until now
	 */
	boolean markErasing() {
		boolean wasLive = isLive();
		this.erasing = true;
		this.tokenVersion++;
		this.pendingPublication = true;
		return wasLive;
	}

	/**
	 * Counts against its address's limit of confirmed alerts: {@code ACTIVE} or
	 * {@code PAUSED}.
	 */
	public boolean isConfirmed() {
		return !this.erasing && (this.status == AlertStatus.ACTIVE || this.status == AlertStatus.PAUSED);
	}

	/** Pending, active or paused: not ended. */
	public boolean isLive() {
		return !this.erasing && Alerts.LIVE.contains(this.status);
	}

	/**
	 * Activates a pending alert.
	 * @return whether anything changed
	 */
	boolean confirm(Instant now) {
		if (this.status != AlertStatus.PENDING_CONFIRMATION || this.erasing) {
			return false;
		}
		this.status = AlertStatus.ACTIVE;
		this.confirmedAt = now;
		this.activation++;
		this.pendingPublication = true;
		this.welcomeSetPending = true;
		return true;
	}

	public String id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public Criteria criteria() {
		return this.criteria;
	}

	public Frequency frequency() {
		return this.frequency;
	}

	public AlertStatus status() {
		return this.status;
	}

	/** The saved version: 0 once first saved, one more for each change. */
	public long version() {
		return (this.version != null) ? this.version : -1;
	}

	/** The revision on the profile stream: 1 for the first saved state. */
	public long revision() {
		return version() + 1;
	}

	public int tokenVersion() {
		return this.tokenVersion;
	}

	public int confirmationRequest() {
		return this.confirmationRequest;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant confirmationRequestedAt() {
		return this.confirmationRequestedAt;
	}

	public @Nullable Instant confirmedAt() {
		return this.confirmedAt;
	}

	public boolean pendingPublication() {
		return this.pendingPublication;
	}

	public boolean welcomeSetPending() {
		return this.welcomeSetPending;
	}

	public boolean erasing() {
		return this.erasing;
	}

	public int activation() {
		return this.activation;
	}

	public @Nullable Instant stoppedAt() {
		return this.stoppedAt;
	}

	/** Whether its digests remind of vacancies closing soon; on unless turned off. */
	public boolean closingSoon() {
		return !Boolean.FALSE.equals(this.closingSoon);
	}

}

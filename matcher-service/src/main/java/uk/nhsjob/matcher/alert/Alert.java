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

	private final Criteria criteria;

	private final Frequency frequency;

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

	@PersistenceCreator
	Alert(String id, String email, Criteria criteria, Frequency frequency, AlertStatus status, @Nullable Long version,
			int tokenVersion, int confirmationRequest, Instant createdAt, Instant confirmationRequestedAt,
			@Nullable Instant confirmedAt, boolean pendingPublication, boolean welcomeSetPending) {
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
	}

	/** A new alert waiting for its first confirmation email to be answered. */
	static Alert pending(String email, Criteria criteria, Frequency frequency, Instant now) {
		return new Alert(UUID.randomUUID().toString(), email, criteria, frequency, AlertStatus.PENDING_CONFIRMATION,
				null, 1, 1, now, now, null, true, false);
	}

	boolean asksFor(Criteria criteria, Frequency frequency) {
		return this.criteria.equals(criteria) && this.frequency == frequency;
	}

	/** The candidate asked again while the alert is pending: one more email is due. */
	void requestConfirmationAgain(Instant now) {
		this.confirmationRequest++;
		this.confirmationRequestedAt = now;
		this.pendingPublication = true;
	}

	/**
	 * Activates a pending alert.
	 * @return whether anything changed
	 */
	boolean confirm(Instant now) {
		if (this.status != AlertStatus.PENDING_CONFIRMATION) {
			return false;
		}
		this.status = AlertStatus.ACTIVE;
		this.confirmedAt = now;
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

}

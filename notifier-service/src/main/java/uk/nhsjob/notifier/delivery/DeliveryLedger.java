package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.notifier.recipient.RecipientErased;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * What has been and is to be sent, one entry per (alert, job) (a job is a vacancy, or its
 * copies from several sources: docs/matching.md), holding the copy that arrived first,
 * per confirmation request of an alert and per notice about an address: PENDING when it
 * arrives (PARKED while its alert's profile has not been read, {@link ParkedMatches}),
 * SENDING while its email is handed to SMTP, then SENT (or FAILED, SUPPRESSED, SKIPPED).
 * <p>
 * The sender works a round at a time: one query for what is due, one update to claim it
 * (per email that has its key), and writes by {@code _id} for the rest, so the cost per
 * email stays flat as the ledger grows (a database without secondary indexes scans the
 * collection for any other query).
 */
@Component
class DeliveryLedger {

	/**
	 * The item of an alert's welcome email, and its email. Vacancy ids always hold a
	 * colon ({@code sourceId:externalId}), so this is none.
	 */
	static final String WELCOME = "welcome";

	/** The item (and email) of an alert's confirmation request, before its number. */
	static final String CONFIRMATION = "confirmation/";

	/** The id (and email key) of a notice, before its event id. */
	static final String NOTICE = "notice/";

	/**
	 * The key of an email of an address's alerts, before its round and its lead alert: it
	 * stands alone, the entries of several alerts sharing it.
	 */
	static final String INBOX = "inbox/";

	private static final String ID = "_id";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final InboxLeases leases;

	DeliveryLedger(MongoTemplate mongo, Clock clock, InboxLeases leases) {
		this.mongo = mongo;
		this.clock = clock;
		this.leases = leases;
	}

	static String idOf(String alertId, String item) {
		return alertId + "/" + item;
	}

	/**
	 * Records a matched vacancy as PENDING, with what its email needs, unless its job is
	 * recorded already: a match redelivered, a vacancy a welcome email carries, or
	 * another copy of the job, is the same entry. Returns its id.
	 */
	String record(String alertId, MatchedVacancy vacancy, Instant dueAt) {
		return recordVacancy(alertId, vacancy, pending(alertId, vacancy.job(), dueAt));
	}

	/**
	 * Records a matched vacancy as PARKED, for an alert whose profile the notifier has
	 * not read yet: the same entry as {@link #record}, not due until
	 * {@link #releaseParked}. Returns its id.
	 */
	String park(String alertId, MatchedVacancy vacancy, Instant matchedAt) {
		return recordVacancy(alertId, vacancy, parked(alertId, vacancy.job(), matchedAt));
	}

	private String recordVacancy(String alertId, MatchedVacancy vacancy, Update arrival) {
		String id = idOf(alertId, vacancy.job());
		this.mongo.upsert(query(where(ID).is(id)), arrival.setOnInsert("vacancy", vacancy), Delivery.class);
		return id;
	}

	/**
	 * Records an alert's welcome email as PENDING, due at once: an entry per vacancy it
	 * lists (those already recorded for the alert go in their own emails instead, and
	 * leave the count), then the welcome entry itself, last, so the sender finds its
	 * vacancies complete once it finds the welcome. Redelivered, it changes nothing.
	 * Returns the welcome entry's id.
	 */
	String recordWelcome(String alertId, List<MatchedVacancy> vacancies, int totalMatching) {
		Instant now = this.clock.instant();
		return recordWelcome(alertId, vacancies, totalMatching, (item) -> pending(alertId, item, now));
	}

	/**
	 * Records an alert's welcome email as {@link #recordWelcome} does, its entries PARKED
	 * until {@link #releaseParked}.
	 */
	String parkWelcome(String alertId, List<MatchedVacancy> vacancies, int totalMatching, Instant matchedAt) {
		return recordWelcome(alertId, vacancies, totalMatching, (item) -> parked(alertId, item, matchedAt));
	}

	private String recordWelcome(String alertId, List<MatchedVacancy> vacancies, int totalMatching,
			Function<String, Update> arrival) {
		List<String> ids = vacancies.stream().map((vacancy) -> idOf(alertId, vacancy.job())).toList();
		if (!vacancies.isEmpty()) {
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class);
			for (MatchedVacancy vacancy : vacancies) {
				bulk.upsert(query(where(ID).is(idOf(alertId, vacancy.job()))),
						arrival.apply(vacancy.job()).setOnInsert("vacancy", vacancy).setOnInsert("email", WELCOME));
			}
			bulk.execute();
		}
		long elsewhere = this.mongo.find(query(where(ID).in(ids)), Delivery.class)
			.stream()
			.filter((entry) -> !WELCOME.equals(entry.email()))
			.count();
		String id = idOf(alertId, WELCOME);
		this.mongo.upsert(query(where(ID).is(id)),
				arrival.apply(WELCOME)
					.setOnInsert("email", WELCOME)
					.setOnInsert("welcomeTotal", (int) Math.max(0, totalMatching - elsewhere)),
				Delivery.class);
		return id;
	}

	/**
	 * Records an alert's n-th confirmation request as PENDING, due at once, with what its
	 * email says; recorded again (a profile record redelivered) it changes nothing.
	 * Returns its id.
	 */
	String recordConfirmation(String alertId, int request, OneOffEmail email) {
		String item = CONFIRMATION + request;
		String id = idOf(alertId, item);
		this.mongo.upsert(query(where(ID).is(id)),
				pending(alertId, item, this.clock.instant()).setOnInsert("email", item).setOnInsert("oneOff", email),
				Delivery.class);
		return id;
	}

	/**
	 * Records a notice as PENDING, due at once, kept for {@code retention}; recorded
	 * again (the same event redelivered) it changes nothing. It belongs to no alert.
	 * Returns its id.
	 */
	String recordNotice(UUID eventId, OneOffEmail email, Duration retention) {
		String id = NOTICE + eventId;
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(retention);
		this.mongo.upsert(query(where(ID).is(id)),
				new Update().setOnInsert("item", "notice")
					.setOnInsert("email", id)
					.setOnInsert("state", DeliveryState.PENDING)
					.setOnInsert("dueAt", now)
					.setOnInsert("attempts", 0)
					.setOnInsert("recordedAt", now)
					.setOnInsert("updatedAt", now)
					.setOnInsert("oneOff", email)
					.setOnInsert("expiresAt", expiresAt),
				Delivery.class);
		return id;
	}

	private Update pending(String alertId, String item, Instant dueAt) {
		return arriving(alertId, item, DeliveryState.PENDING).setOnInsert("dueAt", dueAt);
	}

	private Update parked(String alertId, String item, Instant matchedAt) {
		return arriving(alertId, item, DeliveryState.PARKED).setOnInsert("matchedAt", matchedAt);
	}

	private Update arriving(String alertId, String item, DeliveryState state) {
		Instant now = this.clock.instant();
		return new Update().setOnInsert("alertId", alertId)
			.setOnInsert("item", item)
			.setOnInsert("state", state)
			.setOnInsert("attempts", 0)
			.setOnInsert("recordedAt", now)
			.setOnInsert("updatedAt", now);
	}

	/**
	 * Makes the alert's PARKED entries PENDING, as if recorded now: a match due at
	 * {@code matchesDueAt}, a welcome email at once, its vacancies before its own entry
	 * (as {@link #recordWelcome} writes them). Conditional on PARKED, so any instance may
	 * release, as often as it likes. Returns how many it released.
	 */
	long releaseParked(String alertId, Instant matchesDueAt) {
		if (!this.mongo.exists(query(parkedOf(alertId)), Delivery.class)) {
			// the usual case: one read for a profile record with nothing parked
			return 0;
		}
		Instant now = this.clock.instant();
		long released = makeDue(parkedOf(alertId).and("email").is(null), matchesDueAt);
		released += makeDue(parkedOf(alertId).and("email").is(WELCOME).and("item").ne(WELCOME), now);
		return released + makeDue(parkedOf(alertId).and("item").is(WELCOME), now);
	}

	/**
	 * Skips the alert's PARKED entries whose match is no newer than a profile in which
	 * the alert is not active: the alert gets nothing of them. Returns how many.
	 */
	long skipParked(String alertId, Instant profileChangedAt, String reason) {
		return this.mongo.updateMulti(query(parkedOf(alertId).and("matchedAt").lte(profileChangedAt)),
				new Update().set("state", DeliveryState.SKIPPED)
					.set("reason", reason)
					.set("updatedAt", this.clock.instant()),
				Delivery.class)
			.getModifiedCount();
	}

	/** The alerts that have PARKED entries. */
	List<String> parkedAlerts() {
		return this.mongo.findDistinct(query(where("state").is(DeliveryState.PARKED)), "alertId", Delivery.class,
				String.class);
	}

	long countParked() {
		return this.mongo.count(query(where("state").is(DeliveryState.PARKED)), Delivery.class);
	}

	/**
	 * Removes the PARKED entries recorded before {@code recordedBefore}; returns how many
	 * it removed of each alert.
	 */
	Map<String, Long> expireParked(Instant recordedBefore) {
		Query expired = query(where("state").is(DeliveryState.PARKED.name()).and("recordedAt").lt(recordedBefore));
		expired.fields().include("alertId");
		List<Document> entries = this.mongo.find(expired, Document.class, this.mongo.getCollectionName(Delivery.class));
		if (entries.isEmpty()) {
			return Map.of();
		}
		List<Object> ids = entries.stream().map((entry) -> entry.get(ID)).toList();
		this.mongo.remove(query(where(ID).in(ids).and("state").is(DeliveryState.PARKED)), Delivery.class);
		return entries.stream()
			.map((entry) -> entry.getString("alertId"))
			.filter(Objects::nonNull)
			.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
	}

	private static Criteria parkedOf(String alertId) {
		return where("alertId").is(alertId).and("state").is(DeliveryState.PARKED);
	}

	private long makeDue(Criteria parked, Instant dueAt) {
		return this.mongo
			.updateMulti(query(parked),
					new Update().set("state", DeliveryState.PENDING)
						.set("dueAt", dueAt)
						.set("updatedAt", this.clock.instant()),
					Delivery.class)
			.getModifiedCount();
	}

	/**
	 * In one query, the entries a sending round may take, earliest first: PENDING ones
	 * due by {@code dueBy}, SENDING ones a crash left behind before {@code stuckBefore},
	 * and FAILED ones due for another attempt.
	 */
	List<Delivery> candidates(Instant now, Instant dueBy, Instant stuckBefore, int limit) {
		Criteria pending = where("state").is(DeliveryState.PENDING).and("dueAt").lte(dueBy);
		Query candidates = query(new Criteria().orOperator(pending, stuck(stuckBefore), retry(now)))
			.with(Sort.by("dueAt"))
			.limit(limit);
		return this.mongo.find(candidates, Delivery.class);
	}

	/**
	 * The PENDING entries of these alerts that no email carries yet, due by
	 * {@code dueBy}, in one query: what a round that found more due than it reads at once
	 * adds to its candidates, so that each email carries all its alerts' entries.
	 */
	List<Delivery> pendingOf(Collection<String> alertIds, Instant dueBy) {
		if (alertIds.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(query(where("alertId").in(alertIds)
			.and("state")
			.is(DeliveryState.PENDING)
			.and("email")
			.is(null)
			.and("dueAt")
			.lte(dueBy)), Delivery.class);
	}

	/** The candidates and more, each entry once, earliest due first. */
	static List<Delivery> merged(List<Delivery> candidates, List<Delivery> more) {
		Map<String, Delivery> byId = new LinkedHashMap<>();
		candidates.forEach((entry) -> byId.put(entry.id(), entry));
		more.forEach((entry) -> byId.putIfAbsent(entry.id(), entry));
		List<Delivery> all = new ArrayList<>(byId.values());
		all.sort(Comparator.comparing(Delivery::dueAt, Comparator.nullsFirst(Comparator.naturalOrder())));
		return all;
	}

	private static Criteria stuck(Instant stuckBefore) {
		return where("state").is(DeliveryState.SENDING).and("updatedAt").lt(stuckBefore);
	}

	private static Criteria retry(Instant now) {
		return where("state").is(DeliveryState.FAILED).and("nextAttemptAt").lte(now);
	}

	/**
	 * Claims the planned emails for this round (SENDING): an alert's pending entries that
	 * no email carries yet go into the round's new email for it ({@code email/<round>}),
	 * an address's into the round's new email for the address (its entries' {@code email}
	 * {@code inbox/<round>/<lead alert>}, its key {@code <lead alert>/inbox/<round>}), an
	 * email that has its key is taken whole. An email of an address is claimed only under
	 * the address's lease ({@link InboxLeases}), so two senders never split one address's
	 * entries into two emails. Returns the emails this round got, with the entries it
	 * got, as another sender may have taken some first.
	 */
	List<ClaimedEmail> claim(List<PlannedEmail> planned, String round, Instant now, Instant stuckBefore) {
		List<Delivery> claimed = new ArrayList<>();
		List<String> fresh = planned.stream()
			.filter((email) -> email.isNew() && email.inbox() == null)
			.flatMap((email) -> email.offered().stream())
			.map(Delivery::id)
			.toList();
		if (!fresh.isEmpty()) {
			claimed.addAll(claimNew(fresh, round, "email/" + round));
		}
		Instant leaseUntil = now.plus(Duration.between(stuckBefore, now));
		List<PlannedEmail> newInInboxes = new ArrayList<>();
		for (PlannedEmail email : planned) {
			if (email.isOneOff()) {
				claimed.addAll(claimOneOff(email.offered().get(0).id(), now, stuckBefore, round));
			}
			else if (email.inbox() != null) {
				if (!this.leases.take(email.inbox(), round, now, leaseUntil)) {
					continue;
				}
				if (email.isNew()) {
					newInInboxes.add(email);
				}
				else {
					claimed.addAll(claimInboxEmail(email.alertIds(), email.email(), now, stuckBefore, round));
				}
			}
			else if (email.offered().get(0).isInInbox()) {
				// an address's email whose recipients are all gone: taken whole all the
				// same, to be skipped
				claimed.addAll(claimInboxEmail(email.alertIds(), email.email(), now, stuckBefore, round));
			}
			else if (!email.isNew()) {
				claimed.addAll(claimEmail(email.alertId(), email.email(), now, stuckBefore, round));
			}
		}
		claimed.addAll(claimNewInInboxes(newInInboxes, round, stuckBefore));
		return ClaimedEmail.of(claimed);
	}

	/**
	 * The new emails of the addresses whose leases the round holds, in one conditional
	 * write for all of them (a database without secondary indexes scans the ledger for
	 * it, so once a round, not once an email), then each email's key by {@code _id}. An
	 * entry a crash left SENDING between the two writes has no email yet: it is taken
	 * again as new once its sending timeout has passed.
	 */
	private List<Delivery> claimNewInInboxes(List<PlannedEmail> emails, String round, Instant stuckBefore) {
		List<String> ids = emails.stream().flatMap((email) -> email.offered().stream()).map(Delivery::id).toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		Criteria takeable = new Criteria().orOperator(where("state").is(DeliveryState.PENDING), stuck(stuckBefore));
		this.mongo.updateMulti(query(where(ID).in(ids).and("email").is(null).andOperator(takeable)), taken(round),
				Delivery.class);
		Set<String> ours = this.mongo.find(query(where(ID).in(ids)), Delivery.class)
			.stream()
			.filter((entry) -> round.equals(entry.claim()) && entry.state() == DeliveryState.SENDING
					&& entry.email() == null)
			.map(Delivery::id)
			.collect(Collectors.toSet());
		for (PlannedEmail email : emails) {
			List<String> itsOwn = email.offered().stream().map(Delivery::id).filter(ours::contains).toList();
			if (!itsOwn.isEmpty()) {
				this.mongo.updateMulti(query(where(ID).in(itsOwn)),
						new Update().set("email", INBOX + round + "/" + email.alertId()), Delivery.class);
			}
		}
		return this.mongo.find(query(where(ID).in(List.copyOf(ours))), Delivery.class);
	}

	/** Gives back the round's leases of addresses, once its emails are sent. */
	void endRound(List<PlannedEmail> planned, String round) {
		this.leases.release(planned.stream().map(PlannedEmail::inbox).filter(Objects::nonNull).toList(), round);
	}

	private List<Delivery> claimNew(Collection<String> ids, String round, String email) {
		this.mongo.updateMulti(query(where(ID).in(ids).and("state").is(DeliveryState.PENDING).and("email").is(null)),
				taken(round).set("email", email), Delivery.class);
		return this.mongo.find(query(where(ID).in(ids)), Delivery.class)
			.stream()
			.filter((entry) -> round.equals(entry.claim()) && entry.state() == DeliveryState.SENDING)
			.toList();
	}

	/**
	 * An email of an address that a crash left SENDING or a refusal FAILED: its entries
	 * of the alerts offered (sent again under its first Message-ID).
	 */
	private List<Delivery> claimInboxEmail(List<String> alertIds, @Nullable String email, Instant now,
			Instant stuckBefore, String round) {
		Criteria takeable = new Criteria().orOperator(where("state").is(DeliveryState.PENDING), stuck(stuckBefore),
				retry(now));
		this.mongo.updateMulti(query(where("alertId").in(alertIds).and("email").is(email).andOperator(takeable)),
				taken(round), Delivery.class);
		return this.mongo.find(query(where("alertId").in(alertIds).and("email").is(email).and("claim").is(round)),
				Delivery.class);
	}

	/**
	 * A pending welcome, or an email a crash left SENDING or a refusal left FAILED (sent
	 * again under its first Message-ID).
	 */
	private List<Delivery> claimEmail(String alertId, @Nullable String email, Instant now, Instant stuckBefore,
			String round) {
		Criteria takeable = new Criteria().orOperator(where("state").is(DeliveryState.PENDING), stuck(stuckBefore),
				retry(now));
		this.mongo.updateMulti(query(where("alertId").is(alertId).and("email").is(email).andOperator(takeable)),
				taken(round), Delivery.class);
		return this.mongo.find(query(where("alertId").is(alertId).and("email").is(email).and("claim").is(round)),
				Delivery.class);
	}

	/** A confirmation request or a notice: its one entry, by {@code _id}. */
	private List<Delivery> claimOneOff(String id, Instant now, Instant stuckBefore, String round) {
		Criteria takeable = new Criteria().orOperator(where("state").is(DeliveryState.PENDING), stuck(stuckBefore),
				retry(now));
		this.mongo.updateFirst(query(where(ID).is(id).andOperator(takeable)), taken(round), Delivery.class);
		return this.mongo.find(query(where(ID).is(id).and("claim").is(round)), Delivery.class);
	}

	private Update taken(String round) {
		return new Update().set("state", DeliveryState.SENDING)
			.set("claim", round)
			.set("updatedAt", this.clock.instant());
	}

	/**
	 * The SENT vacancy entries of these alerts whose closing date is from {@code from} to
	 * {@code to}, reminded already or not: what their digests may remind of
	 * ({@link ClosingSoon}), in one query.
	 */
	List<Delivery> sentClosingBetween(Collection<String> alertIds, LocalDate from, LocalDate to) {
		if (alertIds.isEmpty()) {
			return List.of();
		}
		return this.mongo.find(query(where("alertId").in(alertIds)
			.and("state")
			.is(DeliveryState.SENT)
			.and("vacancy.closingDate")
			.gte(from)
			.lte(to)), Delivery.class);
	}

	/**
	 * Marks the entries as reminded in the email {@code emailKey}, each only if no email
	 * reminded of it yet (a conditional write, so two senders cannot both take one), and
	 * returns those of them that are this email's: taken now, or by an earlier attempt at
	 * the same email (a resend after a crash or a refusal).
	 */
	Set<String> remind(String emailKey, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		this.mongo.updateMulti(query(where(ID).in(ids).and("state").is(DeliveryState.SENT).and("remindedIn").is(null)),
				new Update().set("remindedIn", emailKey), Delivery.class);
		return this.mongo.find(query(where(ID).in(ids).and("remindedIn").is(emailKey)), Delivery.class)
			.stream()
			.map(Delivery::id)
			.collect(Collectors.toSet());
	}

	void mark(Collection<String> ids, DeliveryState state) {
		Update update = new Update().set("state", state);
		update(ids, (state == DeliveryState.SENT) ? ended(ids, update) : update);
	}

	void skip(Collection<String> ids, String reason) {
		update(ids, ended(ids, new Update().set("state", DeliveryState.SKIPPED).set("reason", reason)));
	}

	void suppress(Collection<String> ids, String reason) {
		update(ids, ended(ids, new Update().set("state", DeliveryState.SUPPRESSED).set("reason", reason)));
	}

	/**
	 * A notice that will not be tried again forgets its address and link: it belongs to
	 * no alert, so no erasure would reach it, and its id alone keeps a redelivered event
	 * from being sent twice (docs/emails.md, "What the notifier forgets").
	 */
	private static Update ended(Collection<String> ids, Update update) {
		boolean notices = !ids.isEmpty() && ids.stream().allMatch((id) -> id.startsWith(NOTICE));
		return notices ? update.unset("oneOff") : update;
	}

	void fail(Collection<String> ids, String reason, Instant nextAttemptAt) {
		update(ids,
				new Update().set("state", DeliveryState.FAILED)
					.set("reason", reason)
					.set("nextAttemptAt", nextAttemptAt)
					.inc("attempts", 1));
	}

	/**
	 * An email the server refused with a 5xx that suppresses nobody: FAILED, tried again
	 * at {@code nextAttemptAt}; {@code refusedSince} (the first such refusal) and the
	 * count of them ({@code refusals}) are kept beside it for the next one
	 * ({@link #refusalsOf}).
	 */
	void refuse(Collection<String> ids, String reason, Instant refusedSince, Instant nextAttemptAt) {
		update(ids,
				new Update().set("state", DeliveryState.FAILED)
					.set("reason", reason)
					.set("nextAttemptAt", nextAttemptAt)
					.set("refusedSince", refusedSince)
					.inc("attempts", 1)
					.inc("refusals", 1));
	}

	/** Refused until the give-up time: nothing more is tried. */
	void giveUp(Collection<String> ids, String reason) {
		update(ids, ended(ids,
				new Update().set("state", DeliveryState.UNDELIVERED).set("reason", reason).unset("nextAttemptAt")));
	}

	/**
	 * The refusals so far of the email an entry belongs to (its entries share them), read
	 * only when the server refuses it again, so the ledger's entry itself does not carry
	 * them.
	 */
	Refusals.History refusalsOf(String id) {
		Refusals.History history = this.mongo.findById(id, Refusals.History.class,
				this.mongo.getCollectionName(Delivery.class));
		return (history != null) ? history : new Refusals.History(id, null, null);
	}

	/** By {@code _id} alone, which every MongoDB answers from its primary index. */
	private void update(Collection<String> ids, Update update) {
		if (!ids.isEmpty()) {
			this.mongo.updateMulti(query(where(ID).in(ids)), update.set("updatedAt", this.clock.instant()),
					Delivery.class);
		}
	}

	@EventListener
	void forget(RecipientErased erased) {
		forgetAlert(erased.alertId());
	}

	/** Removes every entry of the alert, parked ones too. */
	void forgetAlert(String alertId) {
		this.mongo.remove(query(where("alertId").is(alertId)), Delivery.class);
	}

}

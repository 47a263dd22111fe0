package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.notifier.recipient.AddressForgotten;
import uk.nhsjob.notifier.suppression.Suppressions;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The jobs each inbox (an address's instant emails, or its digests) has been sent, so
 * that an alert whose match of a job is recorded after the address had the job under
 * another of its alerts is not sent it again: it counts as sent with the email the
 * address already had (docs/emails.md, "One email per person"). Keyed
 * {@code <inbox>/<jobId>}, read and written by {@code _id} alone; each kept for
 * {@link #KEPT}, the inbox holding only the keyed hash of the address.
 */
@Component
class InboxJobs {

	static final String COLLECTION = "inboxJobs";

	/** Longer than any vacancy stays open. */
	static final Duration KEPT = Duration.ofDays(366);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Suppressions suppressions;

	InboxJobs(MongoTemplate mongo, Clock clock, Suppressions suppressions) {
		this.mongo = mongo;
		this.clock = clock;
		this.suppressions = suppressions;
	}

	/** Those of the jobs the inbox has been sent already, in one query by {@code _id}. */
	Set<String> sentAlready(String inbox, Collection<String> jobs) {
		if (jobs.isEmpty()) {
			return Set.of();
		}
		List<String> ids = jobs.stream().map((job) -> idOf(inbox, job)).distinct().toList();
		return this.mongo.find(query(where("_id").in(ids)), InboxJob.class)
			.stream()
			.map((sent) -> sent.id().substring(inbox.length() + 1))
			.collect(Collectors.toSet());
	}

	/** Notes that the inbox has been sent these jobs. */
	void sent(String inbox, Collection<String> jobs) {
		if (jobs.isEmpty()) {
			return;
		}
		Instant expiresAt = this.clock.instant().plus(KEPT);
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, InboxJob.class);
		jobs.stream()
			.distinct()
			.forEach((job) -> bulk.upsert(query(where("_id").is(idOf(inbox, job))),
					new Update().set("expiresAt", expiresAt)));
		bulk.execute();
	}

	/**
	 * The address's last alert was erased: the jobs its inboxes were sent go too. Their
	 * ids start with the keyed hash of the address ({@link CoalescingRule#inboxOf}), so a
	 * prefix of {@code _id} finds them.
	 */
	@EventListener
	void forget(AddressForgotten forgotten) {
		String addressKey = this.suppressions.addressKey(forgotten.address());
		this.mongo.remove(query(where("_id").regex("^" + Pattern.quote(addressKey + "/"))), InboxJob.class);
	}

	private static String idOf(String inbox, String job) {
		return inbox + "/" + job;
	}

}

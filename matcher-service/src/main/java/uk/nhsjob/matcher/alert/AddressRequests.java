package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The requests about an address waiting to be decided, in {@value #COLLECTION}: a request
 * is recorded before its answer and decided by {@link AlertAdmission} on another thread,
 * so what the address holds never shapes the answer nor the time it takes. Whatever was
 * not decided (the instance stopped, MongoDB was away) is decided by the sweep; one
 * instance at a time holds a request, under a claim with an expiry.
 */
@Component
class AddressRequests {

	static final String COLLECTION = "addressRequests";

	private static final Logger log = LoggerFactory.getLogger(AddressRequests.class);

	private static final Duration CLAIM = Duration.ofMinutes(1);

	/** Each decision mostly waits for MongoDB and the broker, so a few threads. */
	private static final int DECIDERS = 8;

	/** Beyond this many waiting, the sweep decides the rest. */
	private static final int WAITING = 10_000;

	private static final int SWEEP_BATCH = 100;

	/**
	 * How long a request waits for an earlier one of its address that another decides.
	 */
	private static final Duration EARLIER_WAIT = Duration.ofSeconds(5);

	private static final Duration EARLIER_POLL = Duration.ofMillis(50);

	private final MongoOperations mongo;

	private final AlertAdmission admission;

	private final Clock clock;

	private final BackgroundReader sweep;

	private final ThreadPoolTaskExecutor deciders = new ThreadPoolTaskExecutor();

	AddressRequests(MongoOperations mongo, AlertAdmission admission, Clock clock, BackgroundReaders readers) {
		this.sweep = readers.register("address-requests");
		this.mongo = mongo;
		this.admission = admission;
		this.clock = clock;
		this.deciders.setThreadNamePrefix("address-request-");
		this.deciders.setCorePoolSize(DECIDERS);
		this.deciders.setMaxPoolSize(DECIDERS);
		this.deciders.setQueueCapacity(WAITING);
		this.deciders.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
		this.deciders.setWaitForTasksToCompleteOnShutdown(true);
		this.deciders.setAwaitTerminationSeconds(10);
		this.deciders.initialize();
	}

	/** Records the request; it is decided after the answer has gone. */
	void record(AddressRequest request) {
		this.mongo.insert(request, COLLECTION);
		this.deciders.execute(() -> decide(request.id()));
	}

	/** The alert an identical new-alert request not decided yet was answered with. */
	Optional<String> undecidedAlert(String email, uk.nhsjob.matcher.alert.Criteria criteria, Frequency frequency) {
		Query identical = Query.query(where("email").is(email)
			.and("kind")
			.is(AddressRequest.Kind.NEW_ALERT.name())
			.and("frequency")
			.is(frequency.name()));
		return this.mongo.find(identical, AddressRequest.class, COLLECTION)
			.stream()
			.filter((request) -> criteria.equals(request.criteria()))
			.map(AddressRequest::alertId)
			.filter(Objects::nonNull)
			.findFirst();
	}

	/** Batch after batch, until none is left or one fails. */
	@Scheduled(fixedDelayString = "${nhsjob.matcher.outbox-relay-interval:5s}")
	void decideLeftOvers() {
		while (true) {
			Query unclaimed = new Query(unclaimed(this.clock.instant())).with(Sort.by("requestedAt"))
				.limit(SWEEP_BATCH);
			List<AddressRequest> batch = this.mongo.find(unclaimed, AddressRequest.class, COLLECTION);
			for (AddressRequest request : batch) {
				if (!decide(request.id())) {
					this.sweep.behind("a request about an address could not be decided; tried again in a minute");
					return;
				}
			}
			if (batch.size() < SWEEP_BATCH) {
				this.sweep.caughtUp();
				return;
			}
		}
	}

	@PreDestroy
	void stop() {
		this.deciders.destroy();
	}

	/** Whether it went well, or another instance holds it. */
	private boolean decide(String id) {
		Instant now = this.clock.instant();
		AddressRequest claimed = this.mongo.findAndModify(
				new Query(new Criteria().andOperator(where("_id").is(id), unclaimed(now))),
				Update.update("claimedUntil", now.plus(CLAIM)), FindAndModifyOptions.options().returnNew(true),
				AddressRequest.class, COLLECTION);
		if (claimed == null) {
			return true;
		}
		try {
			decideEarlierOnes(claimed);
			this.admission.decide(claimed);
			this.mongo.remove(Query.query(where("_id").is(id)), COLLECTION);
			return true;
		}
		catch (RuntimeException ex) {
			// its claim runs out, and the sweep tries again; the exception's type only,
			// as a
			// MongoDB error may quote the address (docs/operations.md, "Logs")
			log.warn("Request {} not decided yet: {}", id, ex.getClass().getSimpleName());
			return false;
		}
	}

	/**
	 * One address's requests are decided in the order they were answered, so that an
	 * alert posted twice in a row is one alert asked for twice: the earlier ones this
	 * thread can claim are decided here first, and those another thread is deciding are
	 * waited for, a little while.
	 */
	private void decideEarlierOnes(AddressRequest request) {
		Query earlier = Query.query(where("email").is(request.email()).and("requestedAt").lt(request.requestedAt()))
			.with(Sort.by("requestedAt"));
		long waitUntil = System.nanoTime() + EARLIER_WAIT.toNanos();
		List<AddressRequest> before = this.mongo.find(earlier, AddressRequest.class, COLLECTION);
		while (!before.isEmpty() && System.nanoTime() < waitUntil) {
			before.forEach((one) -> decide(one.id()));
			before = this.mongo.find(earlier, AddressRequest.class, COLLECTION);
			if (!before.isEmpty()) {
				pause();
			}
		}
	}

	private static void pause() {
		try {
			Thread.sleep(EARLIER_POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for an earlier request", ex);
		}
	}

	private static Criteria unclaimed(Instant now) {
		return new Criteria().orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now));
	}

}

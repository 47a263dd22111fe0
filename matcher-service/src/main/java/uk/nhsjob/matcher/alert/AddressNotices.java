package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.notice.AddressNotice;
import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.platform.background.BackgroundReader;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.platform.background.Dependency;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The emails about an address the matcher asks the notifier for, on the notices topic
 * (docs/events.md). Each is written to the {@value #COLLECTION} outbox first, with its
 * event id fixed there, and deleted once the broker has acknowledged it; the relay sends
 * whatever is left for as long as the broker is away. Two instances may send one notice
 * twice: it is the same event, and the notifier sends each event id once.
 */
@Component
class AddressNotices {

	static final String COLLECTION = "noticeOutbox";

	private static final Logger log = LoggerFactory.getLogger(AddressNotices.class);

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

	private static final int BATCH = 100;

	private final MongoOperations mongo;

	private final KafkaOperations<String, Object> kafka;

	private final AddressKeys keys;

	private final Clock clock;

	private final BackgroundReader relay;

	AddressNotices(MongoOperations mongo, KafkaOperations<String, Object> kafka, AddressKeys keys, Clock clock,
			BackgroundReaders readers) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.keys = keys;
		this.clock = clock;
		this.relay = readers.register("notice-relay");
	}

	/**
	 * Writes the notice to the outbox under its event id, then tries to send it; writing
	 * one event id again changes nothing.
	 */
	void ask(UUID eventId, String email, NoticeKind kind, String url) {
		Update notice = new Update().setOnInsert("email", email)
			.setOnInsert("kind", kind.name())
			.setOnInsert("url", url)
			.setOnInsert("occurredAt", Date.from(this.clock.instant()));
		this.mongo.upsert(Query.query(where("_id").is(eventId.toString())), notice, COLLECTION);
		send(eventId.toString());
	}

	@Scheduled(fixedDelayString = "${nhsjob.matcher.outbox-relay-interval:5s}")
	void relayPending() {
		List<OutboxNotice> waiting = this.mongo.find(new Query().with(Sort.by("occurredAt")).limit(BATCH),
				OutboxNotice.class, COLLECTION);
		for (OutboxNotice notice : waiting) {
			if (!send(notice)) {
				return;
			}
		}
		this.relay.caughtUp();
	}

	private void send(String id) {
		OutboxNotice notice = this.mongo.findById(id, OutboxNotice.class, COLLECTION);
		if (notice != null) {
			send(notice);
		}
	}

	private boolean send(OutboxNotice notice) {
		AddressNotice event = new AddressNotice(UUID.fromString(notice.id()), AddressNotice.SCHEMA_VERSION,
				notice.occurredAt(), notice.email(), notice.kind(), notice.url());
		try {
			this.kafka.send(Topics.NOTICES, this.keys.keyOf(notice.email()), event)
				.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			log.warn("Notice {} not published yet: {}", notice.id(), ex.getClass().getSimpleName());
			this.relay.behind("the notices outbox cannot reach the broker", Dependency.KAFKA);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		this.mongo.remove(Query.query(where("_id").is(notice.id())), COLLECTION);
		return true;
	}

	/** One notice waiting in the outbox. */
	record OutboxNotice(String id, String email, NoticeKind kind, String url, Instant occurredAt) {
	}

}

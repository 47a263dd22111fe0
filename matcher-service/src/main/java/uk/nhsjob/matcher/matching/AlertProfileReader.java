package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.platform.background.BackgroundReaders;
import uk.nhsjob.platform.privacy.Redaction;

/**
 * Builds this instance's {@link ActiveAlertIndex} from the profile stream: every
 * partition from the beginning, outside the consumer group, then followed for as long as
 * the service runs. Every instance so matches against every alert, wherever it was
 * changed (docs/matching.md, "Several instances").
 */
@Component
class AlertProfileReader extends TopicFollower {

	private static final Logger log = LoggerFactory.getLogger(AlertProfileReader.class);

	private final ActiveAlertIndex index;

	private final JacksonJsonDeserializer<AlertProfileChanged> values = new JacksonJsonDeserializer<>(
			AlertProfileChanged.class, false);

	AlertProfileReader(ConsumerFactory<?, ?> consumerSettings, BackgroundReaders readers, ActiveAlertIndex index,
			TopicReadingSettings settings) {
		super(Topics.PROFILES, "matcher-profile-index", consumerSettings, readers, Clock.systemUTC(),
				settings.clockSkew());
		this.index = index;
	}

	/** A record that cannot be read is skipped: it changes nothing. */
	@Override
	protected void apply(ConsumerRecord<String, byte[]> record) {
		UUID alertId;
		AlertProfileChanged profile;
		try {
			alertId = UUID.fromString(record.key());
			profile = (record.value() != null) ? this.values.deserialize(record.topic(), record.value()) : null;
			if (profile != null && !alertId.toString().equals(profile.alertId())) {
				throw new IllegalArgumentException("a profile under another alert's key");
			}
		}
		catch (RuntimeException ex) {
			// a deserialiser's message quotes the record's bytes, a parser's what it
			// could
			// not read: in a profile record, the address and links with tokens
			log.warn("Skipped unreadable profile record {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), Redaction.ofFailure(ex));
			return;
		}
		this.index.apply(alertId, profile, Instant.ofEpochMilli(record.timestamp()));
	}

}

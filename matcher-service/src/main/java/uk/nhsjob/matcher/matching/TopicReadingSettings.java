package uk.nhsjob.matcher.matching;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the matcher's topic readers and its matching wait for one another
 * (docs/matching.md, "Several instances").
 *
 * @param clockSkew how far this instance's clock and the brokers' may differ: a reader
 * counts a record appended before its own time less this as read once it has read to the
 * end offsets it asked for at that time
 * @param catchUpWait how long a vacancy record waits for the profile reader to have
 * applied every profile record appended before it; after that the record is retried (well
 * inside the Kafka transaction timeout)
 * @param supersededRetention how long, in append time of later profile records, a version
 * of an alert that a later record superseded is still matched to the vacancies appended
 * while it was in force; a vacancy consumer lagging further behind the profile reader
 * than this judges a vacancy by the alert's current version
 */
@ConfigurationProperties("nhsjob.matcher.reading")
@Validated
public record TopicReadingSettings(@DefaultValue("1s") @NotNull Duration clockSkew,
		@DefaultValue("5s") @NotNull Duration catchUpWait, @DefaultValue("15m") @NotNull Duration supersededRetention) {

}

package uk.nhsjob.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The services' time in a cluster run: the real time moved to a fixed day, by one offset
 * that every child JVM gets ({@link ChildService}), so that the feeds' closing dates and
 * the services' "today" agree whenever the test runs. Kafka, MongoDB and the SMTP server
 * keep the real time; the broker's append times are real times.
 */
final class ClusterClock {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** A Tuesday in winter, mid-morning in London: hours before midnight. */
	static final LocalDateTime START = LocalDateTime.of(2030, 1, 15, 10, 0);

	private final Duration offset;

	ClusterClock() {
		this.offset = Duration.between(Instant.now(), START.atZone(LONDON).toInstant());
	}

	/** The system property that puts a child on this clock. */
	String childOption() {
		return "-D" + ChildService.CLOCK_OFFSET + "=" + this.offset;
	}

	/** The services' day when the broker's clock reads {@code real}. */
	LocalDate serviceDay(Instant real) {
		return LocalDate.ofInstant(real.plus(this.offset), LONDON);
	}

	LocalDate today() {
		return serviceDay(Instant.now());
	}

	Duration offset() {
		return this.offset;
	}

}

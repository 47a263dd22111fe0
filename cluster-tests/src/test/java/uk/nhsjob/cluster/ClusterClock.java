package uk.nhsjob.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The services' time in a cluster run, the same in every child JVM
 * ({@link ChildService}): the real time, as the broker's, unless
 * {@value #OFFSET_PROPERTY} moves it (an ISO-8601 duration, e.g. {@code PT10H} to run
 * across midnight in London). The services compare their clock with the broker's append
 * times in places (a profile against its match), so a clock years away from the broker's
 * would test something production never sees. The run does not depend on when it runs all
 * the same: the feeds' closing dates are counted from {@link #today()}, and the oracle
 * takes each day from an append time ({@link #serviceDay}).
 */
final class ClusterClock {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final String OFFSET_PROPERTY = "cluster.clock-offset";

	private final Duration offset = Duration.parse(System.getProperty(OFFSET_PROPERTY, "PT0S"));

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

}

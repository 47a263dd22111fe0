package uk.nhsjob.matcher;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import uk.nhsjob.testsupport.time.MovableClock;

/**
 * The clock the service under test runs on, and the one the fixtures date vacancies and
 * events by, so that "today" in a test is the service's today at the moment it is asked.
 * It starts at noon in London on 2 March 2027 whenever the suite runs, so no run crosses
 * midnight or a change of the clocks, and runs on at the real rate. One for the JVM, as
 * the application context is: a test that moves it puts it back
 * ({@link MovableClock#reset()}) when it ends.
 * <p>
 * Kafka, MongoDB and Awaitility keep the real time: nothing that compares with the
 * broker's record timestamps may use this clock.
 */
public final class ServiceClock {

	public static final ZoneId ZONE = ZoneId.of("Europe/London");

	private static final Instant START = LocalDateTime.of(2027, 3, 2, 12, 0).atZone(ZONE).toInstant();

	public static final MovableClock LONDON = MovableClock.startingAt(START, ZONE);

	private ServiceClock() {
	}

	/** Today in London by the service's clock, read now. */
	public static LocalDate today() {
		return LONDON.today();
	}

}

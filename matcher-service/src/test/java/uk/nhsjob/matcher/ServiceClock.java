package uk.nhsjob.matcher;

import java.time.LocalDate;
import java.time.ZoneId;

import uk.nhsjob.testsupport.time.MovableClock;

/**
 * The clock the service under test runs on, and the one the fixtures date vacancies and
 * events by, so that "today" in a test is the service's today at the moment it is asked,
 * whenever the suite runs. One for the JVM, as the application context is: a test that
 * moves it puts it back when it ends.
 */
public final class ServiceClock {

	public static final MovableClock LONDON = MovableClock.atRealTime(ZoneId.of("Europe/London"));

	private ServiceClock() {
	}

	/** Today in London by the service's clock, read now. */
	public static LocalDate today() {
		return LONDON.today();
	}

}

package uk.nhsjob.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import uk.nhsjob.testsupport.time.MovableClock;

/**
 * The clock of the service under test, which decides "today" for posting and closing
 * dates: it starts at 03:00 in London on 2 July 2027 (a summer night, so no run of the
 * suite crosses midnight) whenever the suite runs, and moves on at the real rate. Tests
 * write their dates from it ({@link Feeds#inDays}), never from the wall clock.
 */
public final class ServiceClock {

	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	public static final MovableClock CLOCK = MovableClock.startingAt(LocalDateTime.of(2027, 7, 2, 3, 0), LONDON);

	private ServiceClock() {
	}

	/** Today in London, as the service sees it. */
	public static LocalDate today() {
		return CLOCK.today();
	}

	/** Now, as the service sees it. */
	public static Instant now() {
		return CLOCK.instant();
	}

	/** Gives the service {@link #CLOCK} as its {@link Clock}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class ServiceClockConfiguration {

		@Bean
		@Primary
		Clock serviceClock() {
			return CLOCK;
		}

	}

}

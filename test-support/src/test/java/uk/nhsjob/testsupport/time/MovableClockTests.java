package uk.nhsjob.testsupport.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MovableClockTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void aStoppedClockMovesOnlyWhenTold() {
		MovableClock clock = MovableClock.stoppedAt(Instant.parse("2030-01-15T05:00:00Z"), ZoneOffset.UTC);
		assertThat(clock.instant()).isEqualTo("2030-01-15T05:00:00Z");
		clock.advance(Duration.ofMinutes(90));
		assertThat(clock.instant()).isEqualTo("2030-01-15T06:30:00Z");
		clock.setTo(Instant.parse("2029-12-31T23:00:00Z"));
		assertThat(clock.instant()).isEqualTo("2029-12-31T23:00:00Z");
	}

	@Test
	void advanceToOnlyEverMovesForward() {
		MovableClock clock = MovableClock.stoppedAt(Instant.parse("2030-01-15T05:00:00Z"), LONDON);
		clock.advanceTo(Instant.parse("2030-01-14T05:00:00Z"));
		assertThat(clock.instant()).isEqualTo("2030-01-15T05:00:00Z");
		clock.advanceTo(Instant.parse("2030-01-16T05:00:00Z"));
		assertThat(clock.instant()).isEqualTo("2030-01-16T05:00:00Z");
	}

	@Test
	void aRunningClockStartsWhereItIsPutAndTellsTheDayInItsZone() {
		// 23:30 in London is 22:30 UTC; its day is London's
		MovableClock clock = MovableClock.startingAt(LocalDateTime.of(2028, 7, 2, 23, 30), LONDON);
		assertThat(clock.instant()).isBetween(Instant.parse("2028-07-02T22:30:00Z"),
				Instant.parse("2028-07-02T22:31:00Z"));
		assertThat(clock.today()).isEqualTo(LocalDate.of(2028, 7, 2));
	}

	@Test
	void resetPutsAClockBackWhereItWouldBeHadNobodyMovedIt() {
		MovableClock clock = MovableClock.startingAt(LocalDateTime.of(2027, 3, 2, 12, 0), LONDON);
		clock.advance(Duration.ofDays(8));
		clock.setTo(Instant.parse("2031-01-01T00:00:00Z"));
		clock.reset();
		assertThat(clock.instant()).isBetween(Instant.parse("2027-03-02T12:00:00Z"),
				Instant.parse("2027-03-02T12:01:00Z"));
	}

	@Test
	void aClockInAnotherZoneSharesTheMoves() {
		MovableClock london = MovableClock.stoppedAt(Instant.parse("2030-01-15T05:00:00Z"), LONDON);
		var utc = london.withZone(ZoneOffset.UTC);
		london.advance(Duration.ofHours(1));
		assertThat(utc.instant()).isEqualTo("2030-01-15T06:00:00Z");
		assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
	}

}

package uk.nhsjob.notifier.digest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vocabulary.Frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DigestScheduleTests {

	@Test
	void dailyRunsAtSevenLondonTimeTheSameDayWhenEarlierElseTheNext() {
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, london("2026-06-10T06:59")))
			.isEqualTo(Instant.parse("2026-06-10T06:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, london("2026-06-10T07:00")))
			.isEqualTo(Instant.parse("2026-06-11T06:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, london("2026-12-10T12:00")))
			.isEqualTo(Instant.parse("2026-12-11T07:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, london("2028-07-02T03:00")))
			.isEqualTo(Instant.parse("2028-07-02T06:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, london("2027-01-15T03:00")))
			.isEqualTo(Instant.parse("2027-01-15T07:00:00Z"));
	}

	@Test
	void dailyStaysAtSevenLocalAcrossTheMarchClockChange() {
		// clocks go forward at 01:00 UTC on Sunday 29 March 2026
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, london("2026-03-28T07:30")))
			.isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, london("2026-03-29T00:30")))
			.isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, Instant.parse("2026-03-29T06:00:00Z")))
			.isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
	}

	@Test
	void dailyStaysAtSevenLocalAcrossTheOctoberClockChange() {
		// clocks go back at 01:00 UTC on Sunday 25 October 2026: 01:00-02:00 London
		// time happens twice
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, london("2026-10-24T07:30")))
			.isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, Instant.parse("2026-10-25T00:30:00Z")))
			.isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.DAILY, Instant.parse("2026-10-25T01:30:00Z")))
			.isEqualTo(Instant.parse("2026-10-25T07:00:00Z"));
	}

	@Test
	void weeklyRunsOnMondaysAtSevenLondonTime() {
		// Monday 30 March 2026 is the first Monday after the change to summer time
		assertThat(DigestSchedule.nextRun(Frequency.WEEKLY, london("2026-03-26T12:00")))
			.isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
		// Monday 26 October 2026 is the first Monday after the change back
		assertThat(DigestSchedule.nextRun(Frequency.WEEKLY, london("2026-10-23T12:00")))
			.isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.WEEKLY, london("2026-10-26T07:00")))
			.isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
		assertThat(DigestSchedule.nextRun(Frequency.WEEKLY, london("2026-10-26T06:59")))
			.isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
	}

	@Test
	void instantAlertsHaveNoDigest() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DigestSchedule.nextRun(Frequency.INSTANT, Instant.parse("2026-01-01T00:00:00Z")));
	}

	private static Instant london(String localDateTime) {
		return ZonedDateTime.of(LocalDateTime.parse(localDateTime), DigestSchedule.LONDON).toInstant();
	}

}

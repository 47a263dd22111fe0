package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The retention sweep's own decisions; what it erases, and that the erasure reaches every
 * service, is proved on real infrastructure (ExpiryIntegrationTests, and
 * WalkingSkeletonTests in system-tests).
 */
class StoppedAlertsTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private final Alerts alerts = mock();

	private final Addresses addresses = mock();

	private final AlertManagement management = mock();

	private final StoppedAlerts sweep = new StoppedAlerts(this.alerts, this.addresses, this.management,
			mock(MongoOperations.class), Clock.fixed(NOW, ZoneOffset.UTC),
			new RetentionSettings(Duration.ofDays(30), Duration.ofHours(1)));

	@Test
	void erasesTheAlertsStoppedBeforeTheRetentionPeriodAndSkipsOneErasedMeanwhileElsewhere() {
		Alert takenElsewhere = stopped("a1");
		Alert due = stopped("a2");
		given(this.alerts.findTop500ByStatusInAndErasingFalseAndStoppedAtLessThanEqual(StoppedAlerts.STOPPED,
				NOW.minus(Duration.ofDays(30))))
			.willReturn(List.of(takenElsewhere, due));
		willThrow(new OptimisticLockingFailureException("saved meanwhile")).given(this.management)
			.delete(takenElsewhere);
		given(this.addresses.quietWithoutLiveAlerts(any())).willReturn(Stream.empty());

		this.sweep.sweep();

		verify(this.management).delete(due);
	}

	@Test
	void leavesTheRestToTheNextSweepWhenTombstonesAreNotAcknowledged() {
		List<Alert> due = List.of(stopped("a1"), stopped("a2"), stopped("a3"), stopped("a4"), stopped("a5"));
		given(this.alerts.findTop500ByStatusInAndErasingFalseAndStoppedAtLessThanEqual(any(), any())).willReturn(due);
		// marked, but still stored: the broker did not acknowledge the tombstone
		given(this.alerts.existsById(anyString())).willReturn(true);
		given(this.addresses.quietWithoutLiveAlerts(any())).willReturn(Stream.empty());

		this.sweep.sweep();

		verify(this.management, times(3)).delete(any());
		verify(this.management, never()).delete(due.get(3));
	}

	@Test
	void forgetsAQuietAddressOnlyWhenNoAlertNamesIt() {
		given(this.addresses.quietWithoutLiveAlerts(NOW.minus(Duration.ofHours(1))))
			.willReturn(Stream.of("orphan@example.org", "stopped@example.org"));
		given(this.alerts.countByEmail("stopped@example.org")).willReturn(1L);

		this.sweep.sweep();

		verify(this.addresses).forgetIfQuiet("orphan@example.org", NOW.minus(Duration.ofHours(1)));
		verify(this.addresses, never()).forgetIfQuiet("stopped@example.org", NOW.minus(Duration.ofHours(1)));
	}

	private static Alert stopped(String id) {
		return new Alert(id, "someone@example.org", Criteria.ANY, Frequency.INSTANT, AlertStatus.UNSUBSCRIBED, 3L, 1, 1,
				NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(60)), null, false, false, false, 0,
				NOW.minus(Duration.ofDays(31)));
	}

}

package uk.nhsjob.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.notifier.TestEvents.Alert;
import uk.nhsjob.notifier.recipient.Recipient;
import uk.nhsjob.notifier.recipient.RecipientRegistry;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The alert listener's decision to park a match, and its look again after the park. */
class AlertDeliveryTests {

	private static final Instant NOW = Instant.parse("2028-03-01T12:00:00Z");

	private final RecipientRegistry recipients = mock(RecipientRegistry.class);

	private final DeliveryLedger ledger = mock(DeliveryLedger.class);

	private final ParkedMatches parked = mock(ParkedMatches.class);

	private final AlertDelivery delivery = new AlertDelivery(this.recipients, this.ledger,
			new CoalescingRule(Duration.ZERO), new DefaultListableBeanFactory().getBeanProvider(DeliveryFaults.class),
			Clock.fixed(NOW, ZoneOffset.UTC), this.parked);

	private final Alert alert = Alert.unique();

	@Test
	void aMatchWhoseProfileArrivesWhileItIsParkedIsReleasedAtOnce() {
		VacancyMatched match = this.alert.matched(TestEvents.vacancy("Medical Secretary"));
		Recipient active = recipient(AlertStatus.ACTIVE, NOW.minusSeconds(1));
		given(this.recipients.find(this.alert.alertId())).willReturn(Optional.empty(), Optional.of(active));

		this.delivery.record(match);

		verify(this.ledger).park(this.alert.alertId(), match.vacancy(), match.occurredAt());
		verify(this.parked).release(active);
	}

	@Test
	void aMatchAheadOfAnOlderInactiveProfileIsParkedNotRecorded() {
		VacancyMatched match = this.alert.matched(TestEvents.vacancy("Medical Secretary"));
		Recipient pending = recipient(AlertStatus.PENDING_CONFIRMATION, match.occurredAt().minusSeconds(60));
		given(this.recipients.find(this.alert.alertId())).willReturn(Optional.of(pending));

		this.delivery.record(match);

		verify(this.ledger).park(this.alert.alertId(), match.vacancy(), match.occurredAt());
		verify(this.ledger, never()).record(this.alert.alertId(), match.vacancy(), NOW);
	}

	private Recipient recipient(AlertStatus status, Instant changedAt) {
		return new Recipient(this.alert.alertId(), this.alert.address(), status, Frequency.INSTANT, TestEvents.CRITERIA,
				"https://c", "https://m", "https://u", 1, 1, changedAt, null, null);
	}

}

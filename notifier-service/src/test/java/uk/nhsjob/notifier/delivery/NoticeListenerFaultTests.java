package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.notice.AddressNotice;
import uk.nhsjob.common.notice.NoticeKind;
import uk.nhsjob.notifier.TestEvents;
import uk.nhsjob.platform.kafka.FailurePolicyProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** How the failure policy treats what the notices topic's listener throws. */
class NoticeListenerFaultTests {

	private final DeliveryLedger ledger = mock(DeliveryLedger.class);

	private final NoticeListener listener = new NoticeListener(
			new AddressNotices(this.ledger, new NoticeSettings(Duration.ofDays(7)),
					new DefaultListableBeanFactory().getBeanProvider(DeliveryFaults.class)));

	@ParameterizedTest
	@MethodSource("uk.nhsjob.platform.kafka.FailurePolicyProbe#mongoDbAway")
	void aNoticeThatCannotBeRecordedIsRetriedWithoutEnd(Exception fault) {
		given(this.ledger.recordNotice(any(), any(), any())).willThrow(fault);

		assertThat(outcomeOf(Notices.manageLink())).isEqualTo(FailurePolicyProbe.Outcome.RETRIED_WITHOUT_END);
	}

	@ParameterizedTest
	@MethodSource("unsendable")
	void aNoticeThatCanNeverBeSentIsDeadLetteredAtOnce(AddressNotice notice) {
		assertThat(outcomeOf(notice)).isEqualTo(FailurePolicyProbe.Outcome.DEAD_LETTERED_AT_ONCE);
	}

	@SuppressWarnings("DataFlowIssue") // as hostile JSON may leave them
	static List<AddressNotice> unsendable() {
		String link = "https://alerts.nhsjob.test/alerts/mine?token=t";
		return List.of(
				new AddressNotice(UUID.randomUUID(), 1, TestEvents.now(), "a@example.org, b@example.org",
						NoticeKind.MANAGE_LINK, link),
				new AddressNotice(UUID.randomUUID(), 1, TestEvents.now(), "a@example.org", NoticeKind.MANAGE_LINK,
						"javascript:alert(1)"),
				new AddressNotice(null, 1, TestEvents.now(), "a@example.org", NoticeKind.MANAGE_LINK, link));
	}

	private FailurePolicyProbe.Outcome outcomeOf(AddressNotice notice) {
		ConsumerRecord<String, AddressNotice> record = new ConsumerRecord<>(Topics.NOTICES, 0, 0, Notices.keyOf(notice),
				notice);
		return FailurePolicyProbe.outcomeOf(catchException(() -> this.listener.on(record)), Topics.NOTICES);
	}

}

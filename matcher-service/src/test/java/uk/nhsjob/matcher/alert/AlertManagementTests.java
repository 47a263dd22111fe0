package uk.nhsjob.matcher.alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.unit.DataSize;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.MatcherSettings;
import uk.nhsjob.matcher.alert.link.LinkPurpose;
import uk.nhsjob.matcher.alert.link.LinkTokens;
import uk.nhsjob.matcher.limit.ClientLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class AlertManagementTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final MatcherSettings settings = new MatcherSettings("https://alerts.example", Duration.ofDays(7), 10,
			Duration.ofSeconds(5), 5, DataSize.ofKilobytes(16), Duration.ofMinutes(1));

	private final LinkTokens tokens = new LinkTokens(
			"a secret of at least thirty-two characters".getBytes(StandardCharsets.UTF_8), this.clock);

	private final AlertLinks links = new AlertLinks(this.tokens, this.settings, this.clock);

	private final Alerts alerts = mock();

	private final Addresses addresses = mock();

	private final ProfilePublisher publisher = mock();

	private final ApplicationEventPublisher events = mock();

	private final ClientLimits limits = mock();

	private final AddressRequests requests = mock();

	private final AlertManagement management = new AlertManagement(this.alerts, this.addresses, this.publisher,
			this.links, this.events, this.clock, this.settings, this.limits, this.requests);

	@Test
	void opensAnAlertWithItsOwnManageToken() {
		Alert alert = alert("a1", 1, AlertStatus.ACTIVE);
		given(this.alerts.findById("a1")).willReturn(Optional.of(alert));
		assertThat(this.management.managed("a1", this.links.token(alert, LinkPurpose.MANAGE))).isSameAs(alert);
	}

	@Test
	void raisingTheTokenVersionRevokesEarlierLinks() {
		String earlier = this.links.token(alert("a1", 1, AlertStatus.ACTIVE), LinkPurpose.MANAGE);
		given(this.alerts.findById("a1")).willReturn(Optional.of(alert("a1", 2, AlertStatus.ACTIVE)));
		assertThatExceptionOfType(AlertNotFound.class).isThrownBy(() -> this.management.managed("a1", earlier));
	}

	@Test
	void aManageTokenOpensOnlyItsOwnAlert() {
		Alert other = alert("a2", 1, AlertStatus.ACTIVE);
		given(this.alerts.findById("a2")).willReturn(Optional.of(other));
		assertThatExceptionOfType(AlertNotFound.class)
			.isThrownBy(() -> this.management.managed("a1", this.links.token(other, LinkPurpose.MANAGE)));
	}

	@Test
	void aConfirmationTokenDoesNotManage() {
		Alert alert = alert("a1", 1, AlertStatus.ACTIVE);
		given(this.alerts.findById("a1")).willReturn(Optional.of(alert));
		assertThatExceptionOfType(AlertNotFound.class)
			.isThrownBy(() -> this.management.managed("a1", this.links.token(alert, LinkPurpose.CONFIRM)));
	}

	@Test
	void confirmingAnActiveAlertChangesNothing() {
		Alert alert = alert("a1", 1, AlertStatus.ACTIVE);
		given(this.alerts.findById("a1")).willReturn(Optional.of(alert));
		assertThat(this.management.confirm(this.links.token(alert, LinkPurpose.CONFIRM)).status())
			.isEqualTo(AlertStatus.ACTIVE);
		verify(this.alerts, never()).save(any());
		verify(this.events, never()).publishEvent(any(Object.class));
	}

	@Test
	void confirmingAPendingAlertAnnouncesItOnceItsProfileIsPublished() {
		Alert alert = alert("a1", 1, AlertStatus.PENDING_CONFIRMATION);
		given(this.alerts.findById("a1")).willReturn(Optional.of(alert));
		given(this.alerts.save(alert)).willReturn(alert);
		given(this.publisher.publish("a1")).willReturn(true);
		Alert confirmed = this.management.confirm(this.links.token(alert, LinkPurpose.CONFIRM));
		assertThat(confirmed.status()).isEqualTo(AlertStatus.ACTIVE);
		assertThat(confirmed.welcomeSetPending()).isTrue();
		verify(this.events).publishEvent(new AlertConfirmed("a1"));
	}

	@Test
	void anAlertBeingErasedOpensForNobody() {
		Alert alert = alert("a1", 1, AlertStatus.ACTIVE);
		String token = this.links.token(alert, LinkPurpose.MANAGE);
		alert.markErasing();
		given(this.alerts.findById("a1")).willReturn(Optional.of(alert));
		assertThatExceptionOfType(AlertNotFound.class).isThrownBy(() -> this.management.managed("a1", token));
	}

	@Test
	void overTheRateLimitANewAlertIsRecordedToAskForNoEmail() {
		given(this.addresses.allowConfirmationEmail(any(), anyInt(), any())).willReturn(false);
		String alertId = this.management.create(new NewAlert("Sam@Example.org", null, Frequency.DAILY));
		ArgumentCaptor<AddressRequest> recorded = ArgumentCaptor.forClass(AddressRequest.class);
		verify(this.requests).record(recorded.capture());
		assertThat(recorded.getValue().alertId()).isEqualTo(alertId);
		assertThat(recorded.getValue().email()).isEqualTo("sam@example.org");
		assertThat(recorded.getValue().emailAllowed()).isFalse();
		verify(this.limits, never()).takeConfirmationEmail();
		verify(this.alerts, never()).save(any());
	}

	@Test
	void askingAgainForAnIdenticalPendingAlertNamesIt() {
		Alert pending = new Alert("a1", "someone@example.org", Criteria.ANY.normalised(), Frequency.INSTANT,
				AlertStatus.PENDING_CONFIRMATION, 0L, 1, 1, NOW, NOW, null, false, false, false);
		given(this.alerts.findByEmailAndStatus("someone@example.org", AlertStatus.PENDING_CONFIRMATION))
			.willReturn(List.of(pending));
		given(this.addresses.allowConfirmationEmail(any(), anyInt(), any())).willReturn(true);
		assertThat(this.management.create(new NewAlert("someone@example.org", null, Frequency.INSTANT)))
			.isEqualTo("a1");
		ArgumentCaptor<AddressRequest> recorded = ArgumentCaptor.forClass(AddressRequest.class);
		verify(this.requests).record(recorded.capture());
		assertThat(recorded.getValue().resend()).isTrue();
		verify(this.limits).takeConfirmationEmail();
	}

	@Test
	void confirmingOverTheAddressLimitChangesNothing() {
		Alert alert = alert("a1", 1, AlertStatus.PENDING_CONFIRMATION);
		given(this.alerts.findById("a1")).willReturn(Optional.of(alert));
		willThrow(new TooManyAlerts(10)).given(this.addresses).reserveConfirmed("someone@example.org", 10);
		assertThatExceptionOfType(TooManyAlerts.class)
			.isThrownBy(() -> this.management.confirm(this.links.token(alert, LinkPurpose.CONFIRM)));
		assertThat(alert.status()).isEqualTo(AlertStatus.PENDING_CONFIRMATION);
		verify(this.alerts, never()).save(any());
	}

	@Test
	void aFailedConfirmationGivesItsPlaceBack() {
		Alert alert = alert("a1", 1, AlertStatus.PENDING_CONFIRMATION);
		given(this.alerts.findById("a1")).willReturn(Optional.of(alert));
		given(this.alerts.save(any())).willThrow(new IllegalStateException("MongoDB away"));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.management.confirm(this.links.token(alert, LinkPurpose.CONFIRM)));
		verify(this.addresses).releaseConfirmed("someone@example.org");
	}

	private static Alert alert(String id, int tokenVersion, AlertStatus status) {
		return new Alert(id, "someone@example.org", Criteria.ANY, Frequency.INSTANT, status, 0L, tokenVersion, 1, NOW,
				NOW, null, false, false, false);
	}

}

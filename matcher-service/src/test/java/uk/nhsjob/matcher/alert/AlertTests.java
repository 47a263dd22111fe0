package uk.nhsjob.matcher.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.common.vocabulary.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AlertTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private static final Criteria CODERS = new Criteria(List.of(Role.CLINICAL_CODER), null, null, null, null, null,
			List.of(), List.of(), List.of(), List.of(), null, null)
		.normalised();

	@Test
	void editingReplacesCriteriaAndFrequencyAndOwesAPublication() {
		Alert alert = saved(AlertStatus.ACTIVE);
		assertThat(alert.edit(CODERS, Frequency.WEEKLY, false)).isTrue();
		assertThat(alert.criteria()).isEqualTo(CODERS);
		assertThat(alert.frequency()).isEqualTo(Frequency.WEEKLY);
		assertThat(alert.status()).isEqualTo(AlertStatus.ACTIVE);
		assertThat(alert.pendingPublication()).isTrue();
	}

	@Test
	void editingToTheSameChangesNothing() {
		Alert alert = saved(AlertStatus.ACTIVE);
		assertThat(alert.edit(Criteria.ANY.normalised(), Frequency.INSTANT, false)).isFalse();
		assertThat(alert.pendingPublication()).isFalse();
	}

	@Test
	void closingSoonIsOnUntilTurnedOffAndItsChangeIsPublishedWithoutMatchingAnew() {
		Alert alert = saved(AlertStatus.ACTIVE);
		int activation = alert.activation();
		assertThat(alert.closingSoon()).isTrue();

		assertThat(alert.edit(alert.criteria(), alert.frequency(), false, false)).isTrue();

		assertThat(alert.closingSoon()).isFalse();
		assertThat(alert.pendingPublication()).isTrue();
		assertThat(alert.activation()).isEqualTo(activation);
		alert.edit(CODERS, Frequency.DAILY, false);
		assertThat(alert.closingSoon()).as("kept by an edit that does not name it").isFalse();
	}

	@Test
	void pausesAndResumesAnActiveAlert() {
		Alert alert = saved(AlertStatus.ACTIVE);
		alert.edit(alert.criteria(), alert.frequency(), true);
		assertThat(alert.status()).isEqualTo(AlertStatus.PAUSED);
		alert.edit(alert.criteria(), alert.frequency(), false);
		assertThat(alert.status()).isEqualTo(AlertStatus.ACTIVE);
	}

	@Test
	void aPendingAlertIsEditedButNotPaused() {
		Alert alert = saved(AlertStatus.PENDING_CONFIRMATION);
		assertThat(alert.edit(CODERS, Frequency.DAILY, false)).isTrue();
		assertThat(alert.status()).isEqualTo(AlertStatus.PENDING_CONFIRMATION);
		assertThatExceptionOfType(AlertNotChangeable.class).isThrownBy(() -> alert.edit(CODERS, Frequency.DAILY, true));
	}

	@Test
	void anEndedAlertIsNotEdited() {
		assertThatExceptionOfType(AlertNotChangeable.class)
			.isThrownBy(() -> saved(AlertStatus.UNSUBSCRIBED).edit(CODERS, Frequency.DAILY, false));
		assertThatExceptionOfType(AlertNotChangeable.class)
			.isThrownBy(() -> saved(AlertStatus.EXPIRED).edit(CODERS, Frequency.DAILY, false));
	}

	@Test
	void unsubscribesALiveAlertOnce() {
		Alert alert = saved(AlertStatus.PAUSED);
		assertThat(alert.unsubscribe(NOW)).isTrue();
		assertThat(alert.status()).isEqualTo(AlertStatus.UNSUBSCRIBED);
		assertThat(alert.stoppedAt()).isEqualTo(NOW);
		assertThat(alert.pendingPublication()).isTrue();
		assertThat(alert.unsubscribe(NOW.plusSeconds(60))).isFalse();
		assertThat(alert.stoppedAt()).isEqualTo(NOW);
		assertThat(alert.isLive()).isFalse();
	}

	@Test
	void expiresAPendingAlertOnlyOnceItsLinkHasRunOut() {
		Alert alert = saved(AlertStatus.PENDING_CONFIRMATION);
		Instant later = NOW.plus(Duration.ofDays(7));
		assertThat(alert.expireIfUnconfirmedSince(NOW.minus(Duration.ofSeconds(1)), later)).isFalse();
		assertThat(alert.stoppedAt()).isNull();
		assertThat(alert.expireIfUnconfirmedSince(NOW, later)).isTrue();
		assertThat(alert.status()).isEqualTo(AlertStatus.EXPIRED);
		assertThat(alert.stoppedAt()).isEqualTo(later);
		assertThat(alert.pendingPublication()).isTrue();
		assertThat(saved(AlertStatus.ACTIVE).expireIfUnconfirmedSince(NOW.plusSeconds(1), later)).isFalse();
	}

	@Test
	void markingForErasureRevokesLinksAndOwesATombstone() {
		Alert alert = saved(AlertStatus.ACTIVE);
		assertThat(alert.markErasing()).isTrue();
		assertThat(alert.erasing()).isTrue();
		assertThat(alert.tokenVersion()).isEqualTo(2);
		assertThat(alert.pendingPublication()).isTrue();
		assertThat(alert.isLive()).isFalse();
		assertThat(alert.confirm(NOW)).isFalse();
		assertThat(saved(AlertStatus.EXPIRED).markErasing()).isFalse();
	}

	@Test
	void aNewAlertOverTheRateLimitAsksForNoConfirmation() {
		assertThat(Alert.pending("a@example.org", Criteria.ANY, Frequency.DAILY, NOW, true).confirmationRequest())
			.isEqualTo(1);
		assertThat(Alert.pending("a@example.org", Criteria.ANY, Frequency.DAILY, NOW, false).confirmationRequest())
			.isZero();
	}

	private static Alert saved(AlertStatus status) {
		return new Alert("a1", "someone@example.org", Criteria.ANY.normalised(), Frequency.INSTANT, status, 3L, 1, 1,
				NOW, NOW, null, false, false, false);
	}

}

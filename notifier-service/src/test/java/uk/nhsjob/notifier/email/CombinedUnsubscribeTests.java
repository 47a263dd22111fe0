package uk.nhsjob.notifier.email;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CombinedUnsubscribeTests {

	@Test
	void carriesTheTokenOfEveryAlertOnTheFirstAlertsAddress() {
		assertThat(CombinedUnsubscribe.of(List.of("https://alerts.example/alerts/unsubscribe?token=a.1-x",
				"https://alerts.example/alerts/unsubscribe?token=b_2",
				"https://alerts.example/alerts/unsubscribe?token=c")))
			.isEqualTo("https://alerts.example/alerts/unsubscribe?token=a.1-x&token=b_2&token=c");
	}

	@Test
	void oneAlertKeepsItsOwnLink() {
		assertThat(CombinedUnsubscribe.of(List.of("https://alerts.example/alerts/unsubscribe?token=a&x=1")))
			.isEqualTo("https://alerts.example/alerts/unsubscribe?token=a&x=1");
	}

	@Test
	void aLinkWithoutATokenAddsNoneAndATokenTwiceIsCarriedOnce() {
		assertThat(CombinedUnsubscribe.of(List.of("https://alerts.example/alerts/unsubscribe?other=1&token=a%2Bb",
				"https://alerts.example/alerts/unsubscribe", "https://alerts.example/alerts/unsubscribe?token=a%2Bb")))
			.isEqualTo("https://alerts.example/alerts/unsubscribe?token=a%2Bb");
	}

}

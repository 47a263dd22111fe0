package uk.nhsjob.notifier.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a notice from the topic must hold to be sent: it comes from outside. */
class NoticeCheckTests {

	@ParameterizedTest
	@ValueSource(strings = { "sam@example.org", "sam.jones+alerts@nhs.example.net", "o'brien@example.co.uk" })
	void takesAPlainAddress(String address) {
		assertThat(NoticeCheck.isPlainAddress(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "sam", "@example.org", "Sam <sam@example.org>", "sam@example.org, jo@example.org",
			"sam@example.org,jo@example.org", "sam@example.org;jo@example.org", "\"sam,jo\"@example.org",
			"sam(comment)@example.org", "sam@jo@example.org", "sam@example.org\r\nBcc: jo@example.org",
			"sam @example.org", "sam@exämple.org", "group: sam@example.org;", "sam@example.org " })
	void refusesAnythingElse(String address) {
		assertThat(NoticeCheck.isPlainAddress(address)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://alerts.nhsjob.nhs.uk/alerts/mine?token=abc",
			"http://localhost:8082/alerts/mine?token=abc", "http://127.0.0.1:8082/alerts/mine?token=abc" })
	void takesAnAbsoluteHttpsLinkOrPlainHttpToThisMachine(String url) {
		assertThat(NoticeCheck.isLink(url)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://alerts.nhsjob.nhs.uk/alerts/mine?token=abc", "/alerts/mine?token=abc",
			"javascript:alert(1)", "mailto:sam@example.org", "https:/alerts/mine", "https://user:pw@alerts.example/",
			"https://alerts.example/a b", "https://alerts.example/\"><script>", "ftp://alerts.example/mine",
			"https://alerts.example/\r\n" })
	void refusesAnyOtherLink(String url) {
		assertThat(NoticeCheck.isLink(url)).isFalse();
	}

}

package uk.nhsjob.platform.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTests {

	@Test
	void replacesTheAddressesAnSmtpServerQuotesInItsReply() {
		assertThat(Redaction.of("550 5.1.1 <Sam.Jones+jobs@example.org>: Recipient address rejected: User unknown"))
			.isEqualTo("550 5.1.1 <<address>>: Recipient address rejected: User unknown");
		assertThat(Redaction.of("452 4.2.2 sam@example.org... Mailbox full; also copy@example.net"))
			.isEqualTo("452 4.2.2 <address>... Mailbox full; also <address>");
	}

	@Test
	void replacesTheTokensOfLinksAndKeepsTheRest() {
		assertThat(Redaction.of("GET https://alerts.example.org/alerts/manage?token=abc.DEF-123_x&lang=en failed"))
			.isEqualTo("GET https://alerts.example.org/alerts/manage?token=<token>&lang=en failed");
	}

	@Test
	void putsAMessageOnOneLine() {
		assertThat(Redaction.of("Failed messages:\n\tnested 550 no such user\r\n"))
			.isEqualTo("Failed messages: nested 550 no such user");
		assertThat(Redaction.of(null)).isEmpty();
	}

}

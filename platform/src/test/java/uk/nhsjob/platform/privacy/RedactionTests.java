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
	void replacesADumpOfARecordsBytes() {
		assertThat(
				Redaction.of("Can't deserialize data [[123, 34, 101, 109, 97, 105, 108, 34, 58, 34, 115]] from topic"))
			.isEqualTo("Can't deserialize data <bytes> from topic");
		assertThat(Redaction.of("revision [3, 4] of [1, 2]")).isEqualTo("revision [3, 4] of [1, 2]");
	}

	@Test
	void describesAFailureByItsClassAndItsRootCause() {
		Exception failure = new IllegalStateException("data [[123, 34, 115, 97, 109, 64, 101, 120]]",
				new IllegalArgumentException("Cannot deserialize value from String \"sam@example.org\""));

		assertThat(Redaction.ofFailure(failure)).isEqualTo("java.lang.IllegalStateException caused by "
				+ "java.lang.IllegalArgumentException: Cannot deserialize value from String \"<address>\"");
	}

	@Test
	void putsAMessageOnOneLine() {
		assertThat(Redaction.of("Failed messages:\n\tnested 550 no such user\r\n"))
			.isEqualTo("Failed messages: nested 550 no such user");
		assertThat(Redaction.of(null)).isEmpty();
	}

}

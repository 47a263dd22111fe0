package uk.nhsjob.notifier.email;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailStreamProviderTests {

	@Test
	void theNamedProviderIsTheOneJakartaMailWouldFindOnTheClassPath() throws ClassNotFoundException {
		assertThat(StreamProvider.class.isAssignableFrom(Class.forName(MailStreamProvider.ANGUS))).isTrue();
		MailStreamProvider.nameOnce();
		assertThat(System.getProperty(MailStreamProvider.PROPERTY)).isEqualTo(MailStreamProvider.ANGUS);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreamProvider.ANGUS);
	}

}

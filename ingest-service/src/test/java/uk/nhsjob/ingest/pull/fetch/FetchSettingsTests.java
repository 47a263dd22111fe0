package uk.nhsjob.ingest.pull.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FetchSettingsTests {

	@Test
	void refusesLoopbackAndNamesTheServiceAndItsContactByDefault() {
		FetchSettings settings = bind(Map.of());

		assertThat(settings.allowLoopback()).isFalse();
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(settings.maxRedirects()).isEqualTo(3);
		assertThat(settings.userAgent()).isEqualTo("NHSJob-Alerts/1.0 (+http://localhost:8082/)");
		assertThat(settings.pageSizeLimit(DataSize.ofMegabytes(10))).isEqualTo(DataSize.ofMegabytes(10));
	}

	@Test
	void takesAContactUrlAPageLimitAndAUserAgentOfItsOwn() {
		FetchSettings contact = bind(Map.of("nhsjob.ingest.pull.fetch.contact-url", "https://alerts.example.org/about",
				"nhsjob.ingest.pull.fetch.max-page-size", "2MB"));
		FetchSettings agent = bind(Map.of("nhsjob.ingest.pull.fetch.user-agent", "Custom/2.0"));

		assertThat(contact.contactUrl()).isEqualTo(URI.create("https://alerts.example.org/about"));
		assertThat(contact.userAgent()).isEqualTo("NHSJob-Alerts/1.0 (+https://alerts.example.org/about)");
		assertThat(contact.pageSizeLimit(DataSize.ofMegabytes(10))).isEqualTo(DataSize.ofMegabytes(2));
		assertThat(agent.userAgent()).isEqualTo("Custom/2.0");
	}

	@Test
	void refusesATimeoutOfNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FetchSettings(false, Duration.ZERO,
				Duration.ofSeconds(1), 3, 50, null, URI.create("https://alerts.example.org/"), null));
	}

	private static FetchSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("nhsjob.ingest.pull.fetch",
				FetchSettings.class);
	}

}

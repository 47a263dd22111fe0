package uk.nhsjob.ingest.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import uk.nhsjob.ingest.IngestSettings;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AdminTokenTests {

	@Test
	void acceptsOnlyTheConfiguredToken() {
		AdminToken token = new AdminToken(settings("the-operators-token"));

		assertThat(token.matches("the-operators-token")).isTrue();
		assertThat(token.matches("the-operators-token ")).isFalse();
		assertThat(token.matches("")).isFalse();
	}

	@Test
	void generatesAndLogsARandomTokenWhenNoneIsSet(CapturedOutput output) {
		AdminToken token = new AdminToken(settings(""));

		assertThat(token.matches("")).isFalse();
		String logged = output.getOut().replaceAll("(?s).*generated one for this run: (\\S+).*", "$1");
		assertThat(logged).matches("[A-Za-z0-9_-]{43}");
		assertThat(token.matches(logged)).isTrue();
		assertThat(new AdminToken(settings("")).matches(logged)).isFalse();
	}

	private static IngestSettings settings(String adminToken) {
		return new Binder(new MapConfigurationPropertySource(java.util.Map.of("nhsjob.ingest.admin-token", adminToken)))
			.bindOrCreate("nhsjob.ingest", IngestSettings.class);
	}

}

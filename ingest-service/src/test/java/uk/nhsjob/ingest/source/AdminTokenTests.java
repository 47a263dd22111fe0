package uk.nhsjob.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import uk.nhsjob.ingest.IngestSettings;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenTests {

	@Test
	void acceptsOnlyTheConfiguredToken() {
		AdminToken token = new AdminToken(settings("the-operators-token"));

		assertThat(token.matches("the-operators-token")).isTrue();
		assertThat(token.matches("the-operators-token ")).isFalse();
		assertThat(token.matches("")).isFalse();
	}

	@Test
	void generatesARandomTokenWhenNoneIsSetAndPrintsItToTheConsoleOnlyNeverToTheLog() {
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		log.start();
		root.addAppender(log);
		AdminToken token;
		try {
			token = new AdminToken(settings(""), new PrintStream(console, true, StandardCharsets.UTF_8));
		}
		finally {
			root.detachAppender(log);
		}

		assertThat(token.matches("")).isFalse();
		String printed = console.toString(StandardCharsets.UTF_8)
			.replaceAll("(?s).*Admin token for this run \\(nhsjob.ingest.admin-token\\): (\\S+).*", "$1");
		assertThat(printed).matches("[A-Za-z0-9_-]{43}");
		assertThat(token.matches(printed)).isTrue();
		assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy((line) -> assertThat(line).contains("printed it to the console"))
			.allSatisfy((line) -> assertThat(line).doesNotContain(printed));
		assertThat(new AdminToken(settings(""), new PrintStream(new ByteArrayOutputStream())).matches(printed))
			.isFalse();
	}

	private static IngestSettings settings(String adminToken) {
		return new Binder(new MapConfigurationPropertySource(java.util.Map.of("nhsjob.ingest.admin-token", adminToken)))
			.bindOrCreate("nhsjob.ingest", IngestSettings.class);
	}

}

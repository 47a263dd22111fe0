package uk.nhsjob.platform.background;

import java.io.IOException;
import java.net.ConnectException;
import java.util.stream.Stream;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which dependency a failure names, whatever wraps it (docs/operations.md, "Logs"). */
class DependencyTests {

	static Stream<Arguments> failures() {
		MongoTimeoutException mongoTimeout = new MongoTimeoutException("no server within 30000 ms");
		return Stream.of(Arguments.of("the driver's timeout", mongoTimeout, Dependency.MONGODB),
				Arguments.of("a socket the driver could not open",
						new MongoSocketOpenException("refused", new ServerAddress(), new ConnectException()),
						Dependency.MONGODB),
				Arguments.of("as Spring Data translates it",
						new DataAccessResourceFailureException("away", mongoTimeout), Dependency.MONGODB),
				Arguments.of("Spring Data MongoDB's own", new UncategorizedMongoDbException("odd", null),
						Dependency.MONGODB),
				Arguments.of("in a listener",
						new ListenerExecutionFailedException("listener failed",
								new DataAccessResourceFailureException("away", mongoTimeout)),
						Dependency.MONGODB),
				Arguments.of("the Kafka client's timeout",
						new org.apache.kafka.common.errors.TimeoutException("no metadata"), Dependency.KAFKA),
				Arguments.of("a send, as Spring Kafka wraps it",
						new KafkaException("send failed",
								new org.apache.kafka.common.errors.NotEnoughReplicasException("1 of 2")),
						Dependency.KAFKA),
				Arguments.of("Jakarta Mail's", new MessagingException("could not connect", new ConnectException()),
						Dependency.SMTP),
				Arguments.of("as Spring's mail sender wraps it",
						new org.springframework.mail.MailSendException("failed",
								new MessagingException("could not connect")),
						Dependency.SMTP),
				Arguments.of("Spring's MailException alone", new org.springframework.mail.MailSendException("failed"),
						Dependency.SMTP),
				Arguments.of("a bare socket", new ConnectException("refused"), Dependency.OTHER),
				Arguments.of("a bug", new IllegalStateException("a bug"), Dependency.OTHER),
				Arguments.of("a listener's failure of its own",
						new ListenerExecutionFailedException("listener failed", new IOException("odd")),
						Dependency.OTHER),
				Arguments.of("nothing", null, Dependency.OTHER));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void namesTheDependencyOfAFailure(String what, Throwable failure, Dependency dependency) {
		assertThat(Dependency.of(failure)).isEqualTo(dependency);
	}

	@Test
	void theKindOfAFailureIsTheCauseThatNamedTheDependency() {
		assertThat(Dependency.kindOf(new ListenerExecutionFailedException("listener failed",
				new DataAccessResourceFailureException("away", new MongoTimeoutException("30000 ms")))))
			.isEqualTo("MongoTimeoutException");
		assertThat(Dependency.kindOf(new ListenerExecutionFailedException("listener failed", new IOException("odd"))))
			.isEqualTo("ListenerExecutionFailedException");
	}

}

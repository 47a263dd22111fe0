package uk.nhsjob.platform.mongo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

import uk.nhsjob.testsupport.TestInfrastructure;
import uk.nhsjob.testsupport.time.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code mongo} member of readiness: down within seconds when MongoDB is away, naming
 * it and since when, and never the connection string, its credentials or the servers.
 */
class MongoPingHealthIndicatorTests {

	private final MovableClock clock = MovableClock.stoppedAt(Instant.parse("2027-03-02T12:00:00.400Z"),
			ZoneOffset.UTC);

	@Test
	void isDownNamingMongoDbAndSinceWhenWithoutItsAddressOrCredentials() throws IOException {
		String uri = "mongodb://nhsjob-app:s3cret-Passw0rd@127.0.0.1:" + closedPort()
				+ "/alerts?authSource=admin&appName=notifier";
		try (MongoClient client = MongoClients.create(uri)) {
			MongoPingHealthIndicator indicator = new MongoPingHealthIndicator(new MongoTemplate(client, "alerts"),
					this.clock, Duration.ofMillis(500));
			Health first = indicator.health();
			this.clock.advance(Duration.ofMinutes(2));
			Health later = indicator.health();

			assertThat(later.getStatus()).isEqualTo(Status.DOWN);
			assertThat(later.getDetails()).containsEntry("dependency", "MongoDB")
				.containsEntry("downSince", "2027-03-02T12:00:00Z")
				.containsEntry("error", "MongoOperationTimeoutException");
			for (Health health : new Health[] { first, later }) {
				assertThat(JsonMapper.builder().build().writeValueAsString(health)).doesNotContain("mongodb://")
					.doesNotContain("s3cret")
					.doesNotContain("nhsjob-app")
					.doesNotContain("127.0.0.1")
					.doesNotContain("authSource");
			}
		}
	}

	@Test
	void isUpWhenMongoDbAnswers() {
		try (MongoClient client = MongoClients.create(TestInfrastructure.shared().mongoUri())) {
			Health health = new MongoPingHealthIndicator(new MongoTemplate(client, "platform-tests"), this.clock)
				.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).isEmpty();
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

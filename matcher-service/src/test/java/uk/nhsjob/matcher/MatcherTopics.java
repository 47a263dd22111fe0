package uk.nhsjob.matcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import uk.nhsjob.platform.kafka.KafkaSettings;
import uk.nhsjob.platform.kafka.TopicDeclarations;
import uk.nhsjob.testsupport.TestInfrastructure;

/**
 * The matcher's topics, for tests that write to them before any matcher instance has
 * started.
 */
final class MatcherTopics {

	private MatcherTopics() {
	}

	/** As the services declare them, should no other test have started one yet. */
	static void create() throws InterruptedException {
		KafkaSettings settings = new KafkaSettings(6, (short) 1, 1, Duration.ofDays(7),
				new KafkaSettings.Retry(4, Duration.ofMillis(500), 2.0, Duration.ofSeconds(10)));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.shared().kafkaBootstrapServers()))) {
			for (NewTopic topic : List.of(TopicDeclarations.vacancies(settings), TopicDeclarations.alerts(settings),
					TopicDeclarations.profiles(settings))) {
				try {
					admin.createTopics(List.of(topic)).all().get();
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new IllegalStateException(ex);
					}
				}
			}
		}
	}

}

package uk.nhsjob.matcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.matching.FailingVacancyView;
import uk.nhsjob.matcher.matching.IndexLook;
import uk.nhsjob.testsupport.SkipTestConfigurations;

/**
 * A second matcher instance in the test JVM, beside the one the integration tests share:
 * the same broker, database and consumer group, its own transactional id prefix and
 * consumer client id, so that the group splits the vacancy partitions between the two.
 */
final class SecondMatcher implements AutoCloseable {

	static final String CLIENT_ID = "matcher-second";

	/** The limits per client and overall raised as for the shared instance. */
	static final List<String> RAISED_LIMITS = List.of("--nhsjob.matcher.limits.alerts-per-client-per-hour=1000000",
			"--nhsjob.matcher.limits.confirmation-emails-per-hour=1000000",
			"--nhsjob.matcher.limits.previews-per-client-per-minute=1000000");

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	SecondMatcher() {
		this(CLIENT_ID, RAISED_LIMITS);
	}

	/**
	 * @param clientId its consumer client id, and its transactional id prefix, unique
	 * among the instances running at once
	 * @param settings more arguments, such as its limits, each named once
	 */
	SecondMatcher(String clientId, List<String> settings) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.kafka.producer.transaction-id-prefix=" + clientId + "-",
				"--spring.kafka.consumer.client-id=" + clientId, "--nhsjob.matcher.outbox-relay-interval=1s",
				"--nhsjob.matcher.expiry-sweep-interval=1s", "--nhsjob.matcher.token-secret=" + LinkSecrets.CURRENT,
				"--nhsjob.matcher.previous-token-secret=" + LinkSecrets.PREVIOUS));
		arguments.addAll(settings);
		this.context = MatcherApplication.application()
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("skipTestConfigurations", new SkipTestConfigurations()))
			.sources(VacancyTopic.class, FailingVacancyView.class)
			// arguments, which win over the service's own settings
			.run(arguments.toArray(String[]::new));
	}

	/** Where it listens for HTTP, on loopback. */
	URI uri(String path) {
		return URI.create(
				"http://127.0.0.1:" + this.context.getEnvironment().getRequiredProperty("local.server.port") + path);
	}

	/** Stops its profile reader where it is, as a reader that lags would be. */
	void holdProfileReader() {
		profileReader().stop();
	}

	/** Lets its profile reader go on from where it was. */
	void releaseProfileReader() {
		profileReader().start();
	}

	/**
	 * Pauses its vacancy listener, as a consumer that lags would be.
	 * @return whether every container has paused
	 */
	boolean holdVacancyListener() {
		vacancyListeners().forEach(MessageListenerContainer::pause);
		return vacancyListeners().stream().allMatch(MessageListenerContainer::isContainerPaused);
	}

	/** Lets its vacancy listener go on from where it was. */
	void releaseVacancyListener() {
		vacancyListeners().forEach(MessageListenerContainer::resume);
	}

	/** Whether its index matches the vacancy, appended now, to the alert. */
	boolean matchesNow(Vacancy vacancy, String alertId) {
		return IndexLook.matchesNow(this.context, vacancy, alertId);
	}

	/** The status of its {@code background} health group. */
	String backgroundHealth() throws Exception {
		String port = this.context.getEnvironment().getRequiredProperty("local.server.port");
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/background")).build(),
				HttpResponse.BodyHandlers.ofString());
		return (response.statusCode() == 200) ? "UP" : "DOWN";
	}

	private Collection<MessageListenerContainer> vacancyListeners() {
		return this.context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers();
	}

	private SmartLifecycle profileReader() {
		return this.context.getBean("alertProfileReader", SmartLifecycle.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

}

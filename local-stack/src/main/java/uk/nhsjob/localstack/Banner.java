package uk.nhsjob.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.localstack.services.DemoSourceKey;
import uk.nhsjob.localstack.services.Service;
import uk.nhsjob.localstack.services.ServiceInstance;

/**
 * What the user reads once the stack is up: where everything is, the secrets to use, and
 * commands to paste.
 *
 * @param startedIn how long the start took
 * @param services every instance of the services started (none with
 * {@code --infrastructure-only})
 * @param kafka the brokers
 * @param mongoUri where MongoDB is
 * @param mongoEmbedded whether it is the embedded server
 * @param smtpPort the SMTP server's port
 * @param imapPort the IMAP server's port
 * @param inboxUrl the web inbox
 * @param controlUrl the control interface
 * @param adminToken the ingest service's admin token
 * @param notifierAdminToken the notifier's admin token
 * @param demoSource the demo source's key, when the services run
 * @param demoFeed the sample feed to push
 * @param layout the stack's folders
 * @param children the brokers and instances with their process ids, listed in cluster
 * mode (none otherwise)
 * @param restartCrashed whether a crashed child is started again by itself
 */
record Banner(Duration startedIn, List<ServiceInstance> services, Kafka kafka, String mongoUri, boolean mongoEmbedded,
		int smtpPort, int imapPort, String inboxUrl, String controlUrl, String adminToken, String notifierAdminToken,
		@Nullable DemoSourceKey demoSource, Path demoFeed, StackLayout layout, List<Child> children,
		boolean restartCrashed) {

	private static final Pattern URI_PASSWORD = Pattern.compile("(?<=://)([^:/@]+):[^@/]*@");

	private static final String RULE = "-".repeat(78);

	String render() {
		StringBuilder text = new StringBuilder("\n").append(RULE).append('\n');
		text.append(" NHSJob Alerts local stack is up (started in %d s)%n".formatted(this.startedIn.toSeconds()));
		text.append('\n');
		Map<String, List<ServiceInstance>> byService = new LinkedHashMap<>();
		this.services
			.forEach((instance) -> byService.computeIfAbsent(instance.service().name(), (name) -> new ArrayList<>())
				.add(instance));
		byService.forEach((name, instances) -> line(text, name.replace("-service", ""),
				instances.stream().map(ServiceInstance::url).collect(Collectors.joining("   "))));
		line(text, "inbox", this.inboxUrl + "   (web page of every message sent)");
		line(text, "IMAP", "127.0.0.1:" + this.imapPort + "   (user and password: the recipient's address)");
		line(text, "SMTP", "127.0.0.1:" + this.smtpPort);
		line(text, "Kafka", this.kafka.bootstrapServers());
		if (this.kafka.brokers() > 1) {
			line(text, "", "%d brokers, KRaft, each also a controller; topics with %d copies, %d in sync"
				.formatted(this.kafka.brokers(), this.kafka.replicationFactor(), this.kafka.minInsyncReplicas()));
		}
		line(text, "MongoDB", withoutPassword(this.mongoUri) + (this.mongoEmbedded
				? "   (embedded, data in " + this.layout.display(this.layout.mongoFile()) + ")" : "   (MONGODB_URI)"));
		text.append(" Control: ").append(this.controlUrl).append("   (JSON: stop MongoDB, fail SMTP, kill a child)\n");
		text.append('\n');
		line(text, "admin token", this.adminToken + "   (ingest: sources and keys)");
		line(text, "", this.notifierAdminToken + "   (notifier: suppressed addresses)");
		if (this.demoSource != null) {
			line(text, "demo source", this.demoSource.sourceId());
			line(text, "demo key", this.demoSource.apiKey());
			String ingest = ingestUrl();
			text.append('\n').append(" Push the demo feed:\n");
			text.append("   curl -sS -X POST ")
				.append(Shell.quote(ingest + "/api/v1/feeds/" + this.demoSource.sourceId()))
				.append(" \\\n");
			text.append("     -H ")
				.append(Shell.quote("Authorization: Bearer " + this.demoSource.apiKey()))
				.append(" -H 'Content-Type: application/json' \\\n");
			text.append("     --data-binary @").append(Shell.quote(this.demoFeed.toString())).append('\n');
			text.append(" (the same vacancies as JSON-LD, XML and CSV, dated today: ")
				.append(this.layout.display(this.demoFeed.getParent()))
				.append("/)\n");
			text.append(" Save an alert (its confirmation email shows in the inbox):\n");
			text.append("   curl -sS -X POST ")
				.append(Shell.quote(matcherUrl() + "/api/v1/alerts"))
				.append(" -H 'Content-Type: application/json' \\\n");
			text.append("     -d '{\"email\":\"sam@example.test\",\"criteria\":{\"postcode\":\"LS6 2AB\",")
				.append("\"radiusMiles\":10},\"frequency\":\"INSTANT\"}'\n");
		}
		else if (this.services.isEmpty()) {
			text.append('\n')
				.append(" Infrastructure only: start the services yourself with the variables above\n")
				.append(" (MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS, SMTP_HOST, SMTP_PORT).\n");
		}
		if (!this.children.isEmpty()) {
			text.append('\n').append(" Processes (kill -9 one to see the others carry on):\n");
			StringBuilder row = new StringBuilder("  ");
			for (Child child : this.children) {
				String entry = " " + child.name() + " " + child.pid();
				if (row.length() + entry.length() > RULE.length()) {
					text.append(row).append('\n');
					row = new StringBuilder("  ");
				}
				row.append(entry);
			}
			text.append(row).append('\n');
			text.append(this.restartCrashed ? " A child that crashes is reported here and started again.\n"
					: " A child that crashes is reported here; --restart-crashed starts it again.\n");
		}
		text.append('\n');
		text.append(" Data and logs: ").append(this.layout.display(this.layout.data())).append("/   ");
		text.append("Ctrl-C stops everything.\n");
		return text.append(RULE).append('\n').toString();
	}

	private String ingestUrl() {
		return urlOf(Service.INGEST, "http://localhost:8081");
	}

	private String matcherUrl() {
		return urlOf(Service.MATCHER, "http://localhost:8082");
	}

	private String urlOf(String name, String otherwise) {
		return this.services.stream()
			.filter((instance) -> instance.service().name().equals(name))
			.map(ServiceInstance::url)
			.findFirst()
			.orElse(otherwise);
	}

	private static void line(StringBuilder text, String label, String value) {
		text.append(" %-12s %s%n".formatted(label, value));
	}

	/**
	 * The Kafka cluster as the user reads it.
	 *
	 * @param bootstrapServers every broker's address
	 * @param brokers how many
	 * @param replicationFactor copies of each topic
	 * @param minInsyncReplicas copies in sync for a write
	 */
	record Kafka(String bootstrapServers, int brokers, int replicationFactor, int minInsyncReplicas) {

	}

	/**
	 * A broker or an instance, as started.
	 *
	 * @param name {@code kafka-2}, {@code matcher-service-2}
	 * @param pid its process id
	 */
	record Child(String name, long pid) {

	}

	/** The URI with any password replaced by asterisks. */
	static String withoutPassword(String uri) {
		return URI_PASSWORD.matcher(uri).replaceFirst("$1:****@");
	}

}

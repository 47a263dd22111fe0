package uk.nhsjob.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load-and-fault run ({@code ./load-run.sh}; benchmarks/README.md): the local stack's
 * cluster mode started as a child process, a {@link LoadRun} on it, its report and chart
 * written to a folder named at the end. Fails when a count that must be 0 is not, or a
 * request of the workload was refused. Not in {@code ./mvnw verify} (tag {@value #TAG}).
 * <p>
 * Sized by system properties: {@code load.alerts} (2000), {@code load.steady} (3m),
 * {@code load.feeds-per-minute} (12), {@code load.faults} ({@code all}, {@code none}, or
 * some of {@code kills,broker,mongo,smtp}), {@code load.fault-gap} (30s),
 * {@code load.mongo-down} (60s), {@code load.smtp-unavailable} (2m),
 * {@code load.smtp-refusing} (1m), {@code load.drain} (5m), {@code load.seed},
 * {@code load.baseline-messages} (2000), {@code load.output} (the folder).
 */
@Tag(LoadRunTests.TAG)
class LoadRunTests {

	static final String TAG = "load";

	static {
		// the run's own Kafka clients say every connection and assignment at INFO
		if (LoggerFactory.getLogger("org.apache.kafka") instanceof ch.qos.logback.classic.Logger kafka) {
			kafka.setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

	@Test
	void theLoadAndFaultRunLosesNothing() {
		LoadRun.Settings settings = settings();
		Path repository = repository();
		Path output = Path.of(System.getProperty("load.output", repository.resolve("target/load-run")
			.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()))
			.toString())).toAbsolutePath();
		say("Settings: " + settings);
		say("Output folder: " + output);
		Map<String, String> environment = environment();
		LoadRun.Result result;
		List<String> schedule;
		try (LocalStackProcess stack = LocalStackProcess.start(repository, output.resolve("stack"), environment,
				LoadRunTests::say)) {
			StackControl control = new StackControl(
					Integer.parseInt(System.getenv().getOrDefault("LOCAL_STACK_CONTROL_PORT", "8026")));
			LoadRun.Settings effective = settings;
			boolean noControl = !settings.faults().isEmpty() && !control.isAvailable();
			if (noControl) {
				say("The local stack has no control interface: the fault phase cannot run");
				effective = new LoadRun.Settings(settings.alerts(), settings.steady(), settings.feedsPerMinute(),
						Set.of(), settings.faultGap(), settings.mongoDown(), settings.smtpUnavailable(),
						settings.smtpRefusing(), settings.drain(), settings.baselineMessages(), settings.seed());
			}
			LoadRun run = new LoadRun(stack, control, effective, LoadRunTests::say);
			schedule = run.schedule();
			say("Fault schedule (from the start of the fault phase): " + (schedule.isEmpty() ? "none" : ""));
			schedule.forEach((step) -> say("  " + step));
			result = run.run();
			if (noControl) {
				result.problems().add("the fault phase did not run: the local stack has no control interface");
			}
		}
		LoadReport.write(output, result, settings, environment, schedule);
		say(LoadReport.markdown(result, settings, environment, schedule));
		say("Report and chart: " + output.resolve("report.md") + ", " + output.resolve("chart.svg"));
		assertThat(result.problems()).as("the workload's requests, records and faults").isEmpty();
		assertThat(result.phases()).allSatisfy((phase) -> assertThat(phase.passes())
			.as("phase %s: every count that must be 0 is (%s)", phase.name(), output.resolve("report.md"))
			.isTrue());
	}

	/**
	 * The services' settings for the run, as environment variables: the matcher's limits
	 * per client and for the whole service raised (every alert comes from loopback), the
	 * ingest's feed rate per source raised, and the notifier's waits between attempts
	 * after a refusal, and before an email a killed instance was sending is sent again,
	 * shortened so that those emails arrive within the run.
	 */
	static Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("NHSJOB_MATCHER_LIMITS_ALERTSPERCLIENTPERHOUR", "10000000");
		environment.put("NHSJOB_MATCHER_LIMITS_CONFIRMATIONEMAILSPERHOUR", "10000000");
		environment.put("NHSJOB_MATCHER_LIMITS_PREVIEWSPERCLIENTPERMINUTE", "10000000");
		environment.put("NHSJOB_MATCHER_CONFIRMATIONEMAILSPERHOUR", "1000");
		environment.put("NHSJOB_INGEST_RATELIMIT_FEEDS", "100000");
		// every vacancy of the run is one it pushed, so the oracle knows each email
		environment.put("LOCAL_STACK_DEMO_PULL", "off");
		// the services with both compilers: a load run measures peak throughput
		environment.put("LOCAL_STACK_JIT", "full");
		environment.put("NHSJOB_NOTIFIER_DELIVERY_SENDINGTIMEOUT", LoadRun.SENDING_TIMEOUT.toSeconds() + "s");
		environment.put("NHSJOB_NOTIFIER_DELIVERY_RETRYINITIALINTERVAL", "5s");
		environment.put("NHSJOB_NOTIFIER_DELIVERY_RETRYMAXINTERVAL", "30s");
		environment.put("NHSJOB_NOTIFIER_DELIVERY_REFUSEDRETRY_INITIALINTERVAL", "15s");
		environment.put("NHSJOB_NOTIFIER_DELIVERY_REFUSEDRETRY_MAXINTERVAL", "30s");
		return environment;
	}

	static LoadRun.Settings settings() {
		String faults = System.getProperty("load.faults", "all").strip();
		Set<String> chosen = faults.equals("all") ? new LinkedHashSet<>(List.of("kills", "broker", "mongo", "smtp"))
				: faults.equals("none") || faults.isEmpty() ? Set.of()
						: new LinkedHashSet<>(Arrays.stream(faults.split(",")).map(String::strip).toList());
		if (!LoadRun.Settings.ALL_FAULTS.containsAll(chosen)) {
			throw new IllegalArgumentException("load.faults: all, none or some of " + LoadRun.Settings.ALL_FAULTS);
		}
		return new LoadRun.Settings(Integer.getInteger("load.alerts", 2000), duration("load.steady", "3m"),
				Integer.getInteger("load.feeds-per-minute", 12), chosen, duration("load.fault-gap", "30s"),
				duration("load.mongo-down", "60s"), duration("load.smtp-unavailable", "2m"),
				duration("load.smtp-refusing", "1m"), duration("load.drain", "5m"),
				Integer.getInteger("load.baseline-messages", 2000), Long.getLong("load.seed", System.nanoTime()));
	}

	/** {@code 90s}, {@code 3m}, or ISO-8601 ({@code PT3M}). */
	static Duration duration(String property, String otherwise) {
		String value = System.getProperty(property, otherwise).strip();
		if (value.startsWith("P") || value.startsWith("p")) {
			return Duration.parse(value);
		}
		long amount = Long.parseLong(value.substring(0, value.length() - 1));
		return switch (value.charAt(value.length() - 1)) {
			case 's' -> Duration.ofSeconds(amount);
			case 'm' -> Duration.ofMinutes(amount);
			case 'h' -> Duration.ofHours(amount);
			default -> throw new IllegalArgumentException(property + ": " + value + " (e.g. 90s, 3m)");
		};
	}

	/** The repository's root: the folder holding {@code local-stack/}. */
	static Path repository() {
		Path folder = Path.of("").toAbsolutePath();
		while (folder != null && !Files.isDirectory(folder.resolve("local-stack"))) {
			folder = folder.getParent();
		}
		if (folder == null) {
			throw new IllegalStateException("Not inside the repository: " + Path.of("").toAbsolutePath());
		}
		return folder;
	}

	private static void say(String message) {
		System.out.println(Instant.now() + " [load] " + message);
	}

}

package uk.nhsjob.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What the services look like over a run, sampled every few seconds: each consumer
 * group's lag (committed offsets against end offsets, read with Kafka's AdminClient) and
 * each instance's heap in use ({@code jvm_memory_used_bytes{area="heap"}} of its
 * {@code /actuator/prometheus}, summed over the pools); and, from the notifiers'
 * counters, how many sending attempts the SMTP server refused with a 5xx and how many
 * emails were given up, counted across restarts (a restarted instance's counters start at
 * 0 again).
 */
final class Sampler implements AutoCloseable {

	/**
	 * One sample.
	 *
	 * @param lag each group's lag, where it could be read
	 * @param heapMb each instance's heap in use (MB), where it answered
	 */
	record Sample(Instant at, Map<String, Long> lag, Map<String, Double> heapMb) {
	}

	private static final Pattern METRIC = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<? extends Endpoint> instances;

	private final Admin admin;

	private final List<Sample> samples = new CopyOnWriteArrayList<>();

	private final Map<String, Map<String, Double>> lastCounters = new HashMap<>();

	private final Map<String, Double> counted = new ConcurrentHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

	Sampler(List<? extends Endpoint> instances, String bootstrapServers, Duration every) {
		this.instances = instances;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				5_000));
		this.timer.scheduleWithFixedDelay(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void sample() {
		Instant at = Instant.now();
		Map<String, Double> heap = new TreeMap<>();
		for (Endpoint instance : this.instances) {
			try {
				HttpResponse<String> response = this.http
					.send(HttpRequest.newBuilder(URI.create(instance.url() + "/actuator/prometheus"))
						.timeout(Duration.ofSeconds(3))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					read(instance.name(), response.body(), heap);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				// down (killed, restarting): no point for it in this sample
			}
		}
		Map<String, Long> lag = new TreeMap<>();
		try {
			AppendTimes.lags(this.admin)
				.forEach(
						(group, byTopic) -> lag.put(group, byTopic.values().stream().mapToLong(Long::longValue).sum()));
		}
		catch (Exception ex) {
			// a broker away: no lag in this sample
		}
		this.samples.add(new Sample(at, lag, heap));
	}

	private void read(String instance, String text, Map<String, Double> heap) {
		double heapBytes = 0;
		Map<String, Double> counters = new HashMap<>();
		for (String line : text.split("\n")) {
			if (line.startsWith("#")) {
				continue;
			}
			Matcher metric = METRIC.matcher(line);
			if (!metric.find()) {
				continue;
			}
			String name = metric.group(1);
			String labels = (metric.group(2) != null) ? metric.group(2) : "";
			double value;
			try {
				value = Double.parseDouble(metric.group(3));
			}
			catch (NumberFormatException ex) {
				continue;
			}
			if (name.equals("jvm_memory_used_bytes") && labels.contains("area=\"heap\"")) {
				heapBytes += value;
			}
			else if (name.equals("notifier_emails_refused_total") || name.equals("notifier_emails_undelivered_total")
					|| name.equals("notifier_emails_retried_total")) {
				counters.merge(name, value, Double::sum);
			}
		}
		heap.put(instance, heapBytes / (1024 * 1024));
		synchronized (this.lastCounters) {
			Map<String, Double> last = this.lastCounters.computeIfAbsent(instance, (key) -> new HashMap<>());
			counters.forEach((name, value) -> {
				double before = last.getOrDefault(name, 0.0);
				// a lower value: the instance started again, its counter from 0
				this.counted.merge(name, (value >= before) ? value - before : value, Double::sum);
				last.put(name, value);
			});
		}
	}

	List<Sample> samples() {
		return List.copyOf(this.samples);
	}

	/**
	 * A notifier counter summed over the instances and their restarts since the run
	 * began, e.g. {@code notifier_emails_refused_total}.
	 */
	long counted(String counter) {
		return Math.round(this.counted.getOrDefault(counter, 0.0));
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
		try {
			this.timer.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.admin.close(Duration.ofSeconds(5));
	}

}

package uk.nhsjob.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A load run's output: {@code report.md} (the settings, the fault schedule as it
 * happened, a table per phase, the targets), {@code chart.svg} (lag, heap and latency
 * over time, the faults shaded) and {@code samples.csv} (every sample), in one folder.
 */
final class LoadReport {

	private LoadReport() {
	}

	static void write(Path folder, LoadRun.Result result, LoadRun.Settings settings, Map<String, String> environment,
			List<String> schedule) {
		try {
			Files.createDirectories(folder);
			Files.writeString(folder.resolve("report.md"), markdown(result, settings, environment, schedule));
			Files.writeString(folder.resolve("chart.svg"), chart(result));
			Files.writeString(folder.resolve("samples.csv"), csv(result));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String markdown(LoadRun.Result result, LoadRun.Settings settings, Map<String, String> environment,
			List<String> schedule) {
		StringBuilder md = new StringBuilder();
		md.append("# Load-and-fault run, ").append(result.start()).append("\n\n");
		md.append("%s: %d alerts, steady phase %d s, %d feeds a minute, faults %s, seed %d; took %d s.\n\n".formatted(
				result.passes() ? "PASSED" : "FAILED", settings.alerts(), settings.steady().toSeconds(),
				settings.feedsPerMinute(), settings.faults().isEmpty() ? "none" : settings.faults(), settings.seed(),
				Duration.between(result.start(), result.end()).toSeconds()));
		md.append(
				"| phase | emails | emails/s | peak emails/s (10 s) | receipt→inbox p50 / p95 / p99 / max (s) | owed | lost | dup same Message-ID | dup other Message-ID | late | not owed | misdirected | welcomes owed / lost / wrong | confirmations lost / dup | refused at DATA, retried | given up |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (LoadRun.PhaseResult phase : result.phases()) {
			var c = phase.counts();
			var l = phase.latencies();
			md.append(
					"| %s | %d | %.1f | %.1f | %s | %d | %d | %d | %d | %d | %d | %d | %d / %d / %d | %d / %d | %d | %d |\n"
						.formatted(phase.name() + (phase.passes() ? "" : " **FAILED**"), phase.emails(),
								phase.perSecond(), phase.peakPerSecond(),
								(l.count() == 0) ? "–"
										: String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f (%d)", l.p50(), l.p95(),
												l.p99(), l.max(), l.count()),
								c.owed(), c.lost(),
								c.sameMessageId() + c.welcomesSameMessageId() + phase.confirmationsSameId(),
								c.otherMessageId() + c.welcomesOtherMessageId(), c.late(), c.notOwed(),
								phase.misdirected(), c.welcomesOwed(), c.welcomesLost(), c.welcomesWrong(),
								phase.confirmationsLost(), phase.confirmationsOtherId(), phase.refusedAttempts(),
								phase.givenUp()));
		}
		md.append(
				"""

						Must be 0: lost, dup other Message-ID, late (first seen more than %d s after its revision in the steady \
						phase, %d s with faults), not owed, misdirected, welcomes lost and wrong, confirmations lost and \
						duplicated, given up. Allowed: the same Message-ID twice (RFC 1047's window: a process killed between \
						the server's acceptance and the ledger's record of it) and the attempts refused at DATA, which are \
						tried again and must have arrived (nothing lost, nothing given up). Receipt→inbox: from the `200` of \
						the feed carrying a vacancy to the arrival (the mail store's file time) of the first email listing it \
						to an instant alert, in the count given.

						"""
					.formatted(settings.late(false).toSeconds(), settings.late(true).toSeconds()));
		md.append("## Targets (steady phase)\n\n");
		LoadRun.PhaseResult steady = result.phases()
			.stream()
			.filter((phase) -> phase.name().equals("steady"))
			.findFirst()
			.orElse(null);
		if (steady != null) {
			double ratio = (result.baselinePerSecond() > 0) ? steady.peakPerSecond() / result.baselinePerSecond() : 0;
			double bound = LoadRun.COALESCING_WINDOW.toSeconds() + 10;
			md.append("| target | measured | met |\n|---|---|---|\n");
			md.append(
					"| the notifier's rate ≥ 0.5 × a bare Jakarta Mail loop on one reused connection | %.1f / %.1f emails/s = %.2f | %s |\n"
						.formatted(steady.peakPerSecond(), result.baselinePerSecond(), ratio,
								(ratio >= 0.5) ? "yes" : "no"));
			md.append("| p99 receipt→inbox ≤ coalescing window (%d s) + 10 s | %.1f s | %s |\n\n".formatted(
					LoadRun.COALESCING_WINDOW.toSeconds(), steady.latencies().p99(),
					(steady.latencies().count() > 0 && steady.latencies().p99() <= bound) ? "yes" : "no"));
			md.append("""
					The notifier's rate is its busiest ten seconds of the steady phase (emails arriving in the \
					store per second), when its windows close together and it has a backlog; the feeds' rate \
					bounds its average. The bare loop sends %d messages of an alert email's shape to the same \
					SMTP server on 127.0.0.1:1025, to addresses no alert has, after the steady phase.

					""".formatted(settings.baselineMessages()));
			result.phases()
				.stream()
				.filter((phase) -> phase.name().equals("faults"))
				.findFirst()
				.ifPresent((faults) -> md.append(
						"With a backlog (the emails held during the SMTP outage), the busiest ten seconds of the fault phase: %.1f emails/s, %.2f of the bare loop.\n\n"
							.formatted(faults.peakPerSecond(), (result.baselinePerSecond() > 0)
									? faults.peakPerSecond() / result.baselinePerSecond() : 0)));
		}
		md.append("## Fault schedule\n\nPlanned (from the start of the phase, each after the last has passed):\n\n");
		schedule.forEach((step) -> md.append("- ").append(step).append('\n'));
		md.append("\nAs it happened (seconds since the run began):\n\n");
		result.faults()
			.forEach((window) -> md.append("- %s: %d–%d s\n".formatted(window.label(),
					Duration.between(result.start(), window.start()).toSeconds(),
					Duration.between(result.start(), window.end()).toSeconds())));
		md.append("\n## Consumer lag and heap\n\n| what | max |\n|---|---|\n");
		Map<String, Long> maxLag = new TreeMap<>();
		Map<String, Double> maxHeap = new TreeMap<>();
		for (Sampler.Sample sample : result.samples()) {
			sample.lag().forEach((group, lag) -> maxLag.merge(group, lag, Math::max));
			sample.heapMb().forEach((instance, mb) -> maxHeap.merge(instance, mb, Math::max));
		}
		maxLag.forEach((group, lag) -> md.append("| lag of `%s` (records) | %d |\n".formatted(group, lag)));
		maxHeap.forEach((instance, mb) -> md.append("| heap of %s (MB) | %.0f |\n".formatted(instance, mb)));
		md.append("\n![lag, heap and latency over time](chart.svg)\n\n## The oracle's table\n\n```\n")
			.append(result.tallyTable())
			.append("```\n\n## Settings\n\n");
		environment.forEach((name, value) -> md.append("- `").append(name).append('=').append(value).append("`\n"));
		if (!result.problems().isEmpty()) {
			md.append("\n## Problems\n\n");
			result.problems().stream().limit(50).forEach((problem) -> md.append("- ").append(problem).append('\n'));
		}
		return md.toString();
	}

	static String chart(LoadRun.Result result) {
		Map<String, List<SvgChart.Point>> lag = new TreeMap<>();
		Map<String, List<SvgChart.Point>> heap = new TreeMap<>();
		for (Sampler.Sample sample : result.samples()) {
			sample.lag()
				.forEach((group, value) -> lag.computeIfAbsent(group, (key) -> new ArrayList<>())
					.add(new SvgChart.Point(sample.at(), value)));
			sample.heapMb()
				.forEach((instance, value) -> heap.computeIfAbsent(instance, (key) -> new ArrayList<>())
					.add(new SvgChart.Point(sample.at(), value)));
		}
		SvgChart chart = new SvgChart(result.start(), result.end())
			.lines("Consumer lag per group", "records behind", lag)
			.lines("Heap in use per instance", "MB", heap)
			.dots("Feed receipt to inbox, instant alerts, by arrival", "s",
					Map.of("receipt→inbox", result.latencies()));
		result.phases().forEach((phase) -> chart.marker(phase.name(), phase.start()));
		result.faults().forEach((window) -> chart.window(window.label(), window.start(), window.end()));
		return chart.render();
	}

	static String csv(LoadRun.Result result) {
		StringBuilder csv = new StringBuilder("at,seconds,kind,name,value\n");
		for (Sampler.Sample sample : result.samples()) {
			long seconds = Duration.between(result.start(), sample.at()).toSeconds();
			sample.lag().forEach((group, value) -> csv.append(row(sample.at(), seconds, "lag", group, value)));
			sample.heapMb()
				.forEach((instance, value) -> csv.append(row(sample.at(), seconds, "heap-mb", instance, value)));
		}
		for (SvgChart.Point point : result.latencies()) {
			csv.append(row(point.at(), Duration.between(result.start(), point.at()).toSeconds(), "latency-s",
					"receipt-to-inbox", point.value()));
		}
		return csv.toString();
	}

	private static String row(Instant at, long seconds, String kind, String name, Object value) {
		return at + "," + seconds + "," + kind + "," + name + "," + value + "\n";
	}

}

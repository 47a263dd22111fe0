package uk.nhsjob.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadRunPiecesTests {

	@Test
	void latencyPercentilesAreTheNearestRank() {
		List<Double> seconds = java.util.stream.IntStream.rangeClosed(1, 200).mapToObj((n) -> (double) n).toList();

		LoadRun.Latencies latencies = LoadRun.Latencies.of(seconds);

		assertThat(latencies).isEqualTo(new LoadRun.Latencies(200, 100, 190, 198, 200));
		assertThat(LoadRun.Latencies.of(List.of()).count()).isZero();
	}

	@Test
	void withFaultsAListingMayBeLateByTheSmtpOutageAndTheSendingTimeoutMore() {
		LoadRun.Settings settings = new LoadRun.Settings(10, Duration.ofMinutes(1), 30, java.util.Set.of("smtp"),
				Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofMinutes(1),
				Duration.ofMinutes(5), 100, 1);

		assertThat(settings.late(false)).isEqualTo(Duration.ofSeconds(150));
		assertThat(settings.late(true)).isEqualTo(Duration.ofSeconds(150 + 180 + 60 + 60));
	}

	@Test
	void theChartShadesEachFaultAndDrawsEachSeries() {
		Instant start = Instant.parse("2030-01-15T10:00:00Z");
		String svg = new SvgChart(start, start.plusSeconds(100))
			.lines("Consumer lag", "records",
					Map.of("notifier-service.alerts",
							List.of(new SvgChart.Point(start, 0), new SvgChart.Point(start.plusSeconds(50), 120))))
			.window("SMTP 421", start.plusSeconds(20), start.plusSeconds(40))
			.marker("faults", start.plusSeconds(10))
			.render();

		assertThat(svg).startsWith("<svg").contains("SMTP 421", "notifier-service.alerts", "<path d=\"M70.0 ");
		assertThat(SvgChart.niceCeiling(120)).isEqualTo(200);
		assertThat(SvgChart.niceCeiling(0.3)).isEqualTo(0.5);
	}

}

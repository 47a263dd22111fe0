package uk.nhsjob.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ProducerPerformance;

/**
 * Kafka's own {@code ProducerPerformance} (kafka-tools), run in this JVM as its command
 * line would run it, its summary line read from its standard output:
 * {@code --num-records N --record-size S --throughput -1 --producer-props
 * bootstrap.servers=… acks=all}.
 */
final class KafkaProducerPerformance {

	/** The summary: {@code 10000 records sent, 61349.7 records/sec (…), … ms 50th, …}. */
	private static final Pattern SUMMARY = Pattern.compile(
			"(\\d+) records sent, ([\\d.,]+) records/sec \\(([\\d.,]+) MB/sec\\), ([\\d.,]+) ms avg latency.*50th");

	private KafkaProducerPerformance() {
	}

	static Run send(String bootstrapServers, String topic, int partitions, int records, int recordSize)
			throws InterruptedException, ExecutionException {
		FreshTopic.create(bootstrapServers, topic, partitions);
		String[] arguments = { "--topic", topic, "--num-records", String.valueOf(records), "--record-size",
				String.valueOf(recordSize), "--throughput", "-1", "--producer-props",
				"bootstrap.servers=" + bootstrapServers, "acks=all" };
		String output = captureStandardOutput(() -> {
			// its failures end the JVM through Exit: make them an exception instead
			Exit.setExitProcedure((status, message) -> {
				throw new IllegalStateException("ProducerPerformance exited " + status + ": " + message);
			});
			try {
				ProducerPerformance.main(arguments);
			}
			finally {
				Exit.resetExitProcedure();
			}
		});
		Matcher summary = SUMMARY.matcher(output);
		if (!summary.find()) {
			throw new IllegalStateException("ProducerPerformance printed no summary: " + output);
		}
		Run run = new Run(Integer.parseInt(summary.group(1)), number(summary.group(2)), number(summary.group(3)),
				number(summary.group(4)), summary.group());
		if (run.records() != records) {
			throw new IllegalStateException("ProducerPerformance had " + run.records() + " of " + records
					+ " records acknowledged, so its rate is no measure: " + run.summary());
		}
		return run;
	}

	private static double number(String text) {
		return Double.parseDouble(text.replace(",", ""));
	}

	private static String captureStandardOutput(ThrowingRunnable run) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
		try {
			run.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("ProducerPerformance failed", ex);
		}
		finally {
			System.out.flush();
			System.setOut(original);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

	/**
	 * @param recordsPerSecond as ProducerPerformance reports it, from its first send to
	 * its last acknowledgement
	 * @param summary its summary line as printed
	 */
	record Run(int records, double recordsPerSecond, double megabytesPerSecond, double averageLatencyMillis,
			String summary) {

		long nanos() {
			return (long) (this.records / this.recordsPerSecond * 1e9);
		}

	}

	private interface ThrowingRunnable {

		void run() throws Exception;

	}

	private static final class TeeStream extends OutputStream {

		private final OutputStream first;

		private final OutputStream second;

		TeeStream(OutputStream first, OutputStream second) {
			this.first = first;
			this.second = second;
		}

		@Override
		public void write(int b) throws java.io.IOException {
			this.first.write(b);
			this.second.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
			this.first.write(bytes, offset, length);
			this.second.write(bytes, offset, length);
		}

	}

}

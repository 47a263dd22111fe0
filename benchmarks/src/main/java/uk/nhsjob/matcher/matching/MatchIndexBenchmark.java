package uk.nhsjob.matcher.matching;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * The match index alone: builds it from N seeded alerts, then matches M seeded vacancies
 * one at a time on this thread, and prints vacancies per second, p50 and p99 per vacancy,
 * matches per vacancy and heap per alert.
 * <p>
 * {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar uk.nhsjob.matcher.matching.MatchIndexBenchmark 1000000 10000}
 */
public final class MatchIndexBenchmark {

	private MatchIndexBenchmark() {
	}

	public static void main(String[] args) {
		int alertCount = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int vacancyCount = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : 20261125L;

		PostcodeDirectory postcodes = PostcodeDirectory.load();
		RandomWorkload workload = RandomWorkload.realistic(seed);
		List<Vacancy> vacancies = new ArrayList<>(vacancyCount);
		for (int i = 0; i < vacancyCount; i++) {
			vacancies.add(workload.vacancy(i));
		}
		long heapBefore = usedHeapAfterGc();
		MatchIndex index = new MatchIndex(postcodes);
		long buildStart = System.nanoTime();
		for (int i = 0; i < alertCount; i++) {
			index.put(workload.alertId(), workload.criteria());
		}
		long buildNanos = System.nanoTime() - buildStart;
		long heapPerAlert = (usedHeapAfterGc() - heapBefore) / alertCount;

		// warm-up: the same work, untimed
		for (int round = 0; round < 2; round++) {
			for (Vacancy vacancy : vacancies) {
				index.matches(vacancy);
			}
		}
		long[] nanos = new long[vacancyCount];
		long matches = 0;
		long start = System.nanoTime();
		for (int i = 0; i < vacancyCount; i++) {
			long t0 = System.nanoTime();
			matches += index.matches(vacancies.get(i)).size();
			nanos[i] = System.nanoTime() - t0;
		}
		long total = System.nanoTime() - start;
		Arrays.sort(nanos);

		System.out.printf("%n| engine | alerts | vacancies | vacancies/s (1 core) | p50 ms | p99 ms | matches/vacancy "
				+ "| heap/alert | build s |%n");
		System.out.printf("|---|---|---|---|---|---|---|---|---|%n");
		System.out.printf("| MatchIndex | %,d | %,d | %,.0f | %.3f | %.3f | %.1f | %d B | %.1f |%n", alertCount,
				vacancyCount, vacancyCount / (total / 1e9), nanos[vacancyCount / 2] / 1e6,
				nanos[(int) (vacancyCount * 0.99)] / 1e6, (double) matches / vacancyCount, heapPerAlert,
				buildNanos / 1e9);
		if (index.size() == 0) {
			throw new IllegalStateException("empty index");
		}
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}

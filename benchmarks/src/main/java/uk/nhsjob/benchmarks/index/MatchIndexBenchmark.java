package uk.nhsjob.benchmarks.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.index.MatchIndex;
import uk.nhsjob.matcher.index.RandomWorkload;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * The match index against Apache Lucene Monitor, then alone at scale, on one seeded
 * realistic workload ({@link RandomWorkload#realistic}); one table on stdout.
 * <ol>
 * <li>Both engines on the same {@code compareAlerts} alerts; before any timing, every one
 * of the {@code compareVacancies} vacancies must get the same matches (alert and
 * distance) from both, or the run fails.</li>
 * <li>The index alone on {@code indexAlerts} alerts and {@code indexVacancies} vacancies;
 * then the same vacancies on {@code threads} threads at once (1, 2 and 4 by default) over
 * that one index, whose matches must be identical on every thread count (a digest of
 * every vacancy's matches), or the run fails.</li>
 * </ol>
 * Each engine matches the vacancies one at a time on this thread. Vacancies per second
 * per core and p50/p99 per vacancy are measured on this thread's CPU time, so builds
 * running beside it on a shared machine do not count; p99 by the wall clock is shown too.
 * Heap per alert is the heap in use after a collection, with the engine built, less
 * before.
 * <p>
 * A plain harness with its own main, not JMH: the check that both engines agree, the heap
 * per alert and the per-vacancy percentiles on CPU time are what it is for. Built into
 * the uber-jar by {@code ./mvnw -q -DskipTests -Pharness package -pl benchmarks -am},
 * then {@code java -Xmx6g -jar benchmarks/target/benchmarks.jar [indexAlerts=1000000]
 * [indexVacancies=10000] [compareAlerts=100000] [compareVacancies=1000] [seed] [threads=1,2,4]}
 * (compareAlerts 0 skips Lucene Monitor).
 */
public final class MatchIndexBenchmark {

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private MatchIndexBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int indexAlerts = intArg(args, 0, 1_000_000);
		int indexVacancies = intArg(args, 1, 10_000);
		int compareAlerts = intArg(args, 2, 100_000);
		int compareVacancies = intArg(args, 3, 1_000);
		long seed = (args.length > 4) ? Long.parseLong(args[4]) : 20261125L;
		int[] threadCounts = threadCounts(args);
		PostcodeDirectory postcodes = PostcodeDirectory.load();
		List<Row> rows = new ArrayList<>();

		if (compareAlerts > 0) {
			Workload workload = Workload.of(seed, compareAlerts, compareVacancies);
			Built<MatchIndex> index = build(() -> {
				MatchIndex built = new MatchIndex(postcodes);
				workload.alerts().forEach(built::put);
				return built;
			});
			Built<LuceneMonitorAlerts> lucene = build(() -> {
				LuceneMonitorAlerts built = new LuceneMonitorAlerts(postcodes);
				built.putAll(workload.alerts());
				return built;
			});
			long pairs = checkSameMatches(workload.vacancies(), index.engine(), lucene.engine());
			System.out.printf("Lucene Monitor and MatchIndex agree on all %,d vacancies (%,d matching pairs)%n",
					compareVacancies, pairs);
			rows.add(measure("MatchIndex", workload, index, (vacancy) -> index.engine().matches(vacancy).size()));
			rows.add(measure("Lucene Monitor", workload, lucene, (vacancy) -> lucene.engine().matches(vacancy).size()));
			lucene.engine().close();
		}
		if (indexAlerts > 0) {
			Workload workload = Workload.of(seed, indexAlerts, indexVacancies);
			Built<MatchIndex> index = build(() -> {
				MatchIndex built = new MatchIndex(postcodes);
				workload.alerts().forEach(built::put);
				return built;
			});
			rows.add(measure("MatchIndex", workload, index, (vacancy) -> index.engine().matches(vacancy).size()));
			print(rows);
			printThreads(workload, index.engine(), threadCounts);
			return;
		}
		print(rows);
	}

	/**
	 * The same vacancies matched by {@code threads} threads at once over the one shared
	 * index, each taking the next vacancy not yet taken; each run's matches must be those
	 * of every other run, or the harness fails.
	 */
	private static void printThreads(Workload workload, MatchIndex index, int[] threadCounts) throws Exception {
		List<ThreadRun> runs = new ArrayList<>();
		for (int threads : threadCounts) {
			runs.add(ThreadRun.of(workload.vacancies(), index, threads));
		}
		String digest = runs.get(0).digest();
		for (ThreadRun run : runs) {
			if (!run.digest().equals(digest)) {
				throw new IllegalStateException("the matches on " + run.threads() + " threads differ from those on "
						+ runs.get(0).threads() + ": digest " + run.digest() + " against " + digest);
			}
		}
		System.out.printf(
				"%nThreads over one shared MatchIndex of %,d alerts, %,d vacancies; the matches of every "
						+ "run are identical (%,d pairs, SHA-256 %s…); load average %s%n",
				workload.alerts().size(), workload.vacancies().size(), runs.get(0).pairs(), digest.substring(0, 16),
				loadAverage());
		System.out
			.printf("%n| threads | vacancies/s wall | wall s | CPU s | cores used | vacancies/s per core | p50 ms "
					+ "| p99 ms | p50 ms wall | p99 ms wall | speed-up (wall) |%n");
		System.out.printf("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|%n");
		for (ThreadRun run : runs) {
			System.out.printf("| %d | %,.0f | %.2f | %.2f | %.2f | %,.0f | %.3f | %.3f | %.3f | %.3f | %.2f× |%n",
					run.threads(), run.perWallSecond(), run.wallSeconds(), run.cpuSeconds(),
					run.cpuSeconds() / run.wallSeconds(), workload.vacancies().size() / run.cpuSeconds(),
					run.p50Millis(), run.p99Millis(), run.p50WallMillis(), run.p99WallMillis(),
					run.perWallSecond() / runs.get(0).perWallSecond());
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException | RuntimeException ex) {
			return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static int[] threadCounts(String[] args) {
		String list = (args.length > 5) ? args[5] : "1,2,4";
		return Arrays.stream(list.split(",")).mapToInt((count) -> Integer.parseInt(count.trim())).toArray();
	}

	private static long checkSameMatches(List<Vacancy> vacancies, MatchIndex index, LuceneMonitorAlerts lucene) {
		long pairs = 0;
		for (Vacancy vacancy : vacancies) {
			Set<MatchIndex.IndexMatch> fromIndex = new HashSet<>(index.matches(vacancy));
			Set<MatchIndex.IndexMatch> fromLucene = lucene.matches(vacancy);
			if (!fromIndex.equals(fromLucene)) {
				Set<MatchIndex.IndexMatch> onlyIndex = new HashSet<>(fromIndex);
				onlyIndex.removeAll(fromLucene);
				Set<MatchIndex.IndexMatch> onlyLucene = new HashSet<>(fromLucene);
				onlyLucene.removeAll(fromIndex);
				throw new IllegalStateException("the engines disagree on " + vacancy + ": only MatchIndex " + onlyIndex
						+ ", only Lucene Monitor " + onlyLucene);
			}
			pairs += fromIndex.size();
		}
		return pairs;
	}

	private static <T> Row measure(String engine, Workload workload, Built<T> built,
			Function<Vacancy, Integer> matcher) {
		List<Vacancy> vacancies = workload.vacancies();
		int count = vacancies.size();
		// warm-up: the same work, untimed
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < Math.min(count, 5_000); i++) {
				matcher.apply(vacancies.get(i));
			}
		}
		long[] cpu = new long[count];
		long[] wall = new long[count];
		long matches = 0;
		long cpuStart = THREADS.getCurrentThreadCpuTime();
		long wallStart = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long cpu0 = THREADS.getCurrentThreadCpuTime();
			long wall0 = System.nanoTime();
			matches += matcher.apply(vacancies.get(i));
			wall[i] = System.nanoTime() - wall0;
			cpu[i] = THREADS.getCurrentThreadCpuTime() - cpu0;
		}
		long cpuTotal = THREADS.getCurrentThreadCpuTime() - cpuStart;
		long wallTotal = System.nanoTime() - wallStart;
		Arrays.sort(cpu);
		Arrays.sort(wall);
		return new Row(engine, workload.alerts().size(), count, count / (cpuTotal / 1e9), count / (wallTotal / 1e9),
				cpu[count / 2] / 1e6, cpu[(int) (count * 0.99)] / 1e6, wall[(int) (count * 0.99)] / 1e6,
				(double) matches / count, built.heapBytes() / workload.alerts().size(), built.seconds());
	}

	private static void print(List<Row> rows) {
		System.out.printf("%n| engine | alerts | vacancies | vacancies/s per core | p50 ms | p99 ms | p99 ms wall "
				+ "| vacancies/s wall | matches/vacancy | heap/alert | build s |%n");
		System.out.printf("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|%n");
		for (Row row : rows) {
			System.out.printf("| %s | %,d | %,d | %,.0f | %.3f | %.3f | %.3f | %,.0f | %.1f | %,d B | %.1f |%n",
					row.engine(), row.alerts(), row.vacancies(), row.perCpuSecond(), row.p50Millis(), row.p99Millis(),
					row.p99WallMillis(), row.perWallSecond(), row.matchesPerVacancy(), row.heapPerAlert(),
					row.buildSeconds());
		}
		Row lucene = rows.stream().filter((row) -> row.engine().startsWith("Lucene")).findFirst().orElse(null);
		if (lucene != null) {
			Row index = rows.get(0);
			System.out.printf(
					"%nMatchIndex / Lucene Monitor at %,d alerts: %.0f× the vacancies per second per core, "
							+ "%.0f× less heap per alert%n",
					lucene.alerts(), index.perCpuSecond() / lucene.perCpuSecond(),
					(double) lucene.heapPerAlert() / Math.max(1, index.heapPerAlert()));
		}
	}

	private static <T> Built<T> build(Builder<T> builder) throws Exception {
		long heapBefore = usedHeapAfterGc();
		long start = System.nanoTime();
		T engine = builder.build();
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Built<>(engine, usedHeapAfterGc() - heapBefore, seconds);
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static int intArg(String[] args, int at, int otherwise) {
		return (args.length > at) ? Integer.parseInt(args[at]) : otherwise;
	}

	/** Seeded alerts (in the order drawn) and vacancies. */
	private record Workload(Map<String, Criteria> alerts, List<Vacancy> vacancies) {

		static Workload of(long seed, int alertCount, int vacancyCount) {
			RandomWorkload random = RandomWorkload.realistic(seed);
			List<Vacancy> vacancies = new ArrayList<>(vacancyCount);
			for (int i = 0; i < vacancyCount; i++) {
				vacancies.add(random.vacancy(i));
			}
			Map<String, Criteria> alerts = new LinkedHashMap<>();
			for (int i = 0; i < alertCount; i++) {
				alerts.put(random.alertId(), random.criteria());
			}
			return new Workload(alerts, vacancies);
		}

	}

	@FunctionalInterface
	private interface Builder<T> {

		T build() throws Exception;

	}

	private record Built<T>(T engine, long heapBytes, double seconds) {

		Built {
			Objects.requireNonNull(engine);
		}

	}

	/**
	 * One run of the vacancies on several threads: per vacancy its CPU and wall time, and
	 * a digest of its (vacancy, alert, distance) matches, sorted, kept in vacancy order.
	 */
	private record ThreadRun(int threads, double wallSeconds, double cpuSeconds, double perWallSecond, double p50Millis,
			double p99Millis, double p50WallMillis, double p99WallMillis, long pairs, String digest) {

		static ThreadRun of(List<Vacancy> vacancies, MatchIndex index, int threads) throws Exception {
			int count = vacancies.size();
			long[] cpu = new long[count];
			long[] wall = new long[count];
			List<List<MatchIndex.IndexMatch>> found = new ArrayList<>(Collections.nCopies(count, List.of()));
			AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
			AtomicLong pairs = new java.util.concurrent.atomic.AtomicLong();
			AtomicLong cpuTotal = new java.util.concurrent.atomic.AtomicLong();
			CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads + 1);
			CountDownLatch done = new java.util.concurrent.CountDownLatch(threads);
			List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
			for (int t = 0; t < threads; t++) {
				Thread thread = new Thread(() -> {
					try {
						start.await();
						long cpuStart = THREADS.getCurrentThreadCpuTime();
						for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
							long cpu0 = THREADS.getCurrentThreadCpuTime();
							long wall0 = System.nanoTime();
							List<MatchIndex.IndexMatch> matches = index.matches(vacancies.get(i));
							wall[i] = System.nanoTime() - wall0;
							cpu[i] = THREADS.getCurrentThreadCpuTime() - cpu0;
							found.set(i, matches);
							pairs.addAndGet(matches.size());
						}
						cpuTotal.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
					}
					catch (Throwable ex) {
						failures.add(ex);
					}
					finally {
						done.countDown();
					}
				}, "matching-" + t);
				thread.start();
			}
			start.await();
			long wallStart = System.nanoTime();
			done.await();
			long wallTotal = System.nanoTime() - wallStart;
			if (!failures.isEmpty()) {
				throw new IllegalStateException("a matching thread failed", failures.get(0));
			}
			// digested after the run, so that the timings are the matching's alone
			MessageDigest all = MessageDigest.getInstance("SHA-256");
			for (int i = 0; i < count; i++) {
				all.update(digestOf(vacancies.get(i), found.get(i)));
			}
			Arrays.sort(cpu);
			Arrays.sort(wall);
			return new ThreadRun(threads, wallTotal / 1e9, cpuTotal.get() / 1e9, count / (wallTotal / 1e9),
					cpu[count / 2] / 1e6, cpu[(int) (count * 0.99)] / 1e6, wall[count / 2] / 1e6,
					wall[(int) (count * 0.99)] / 1e6, pairs.get(), HexFormat.of().formatHex(all.digest()));
		}

		private static byte[] digestOf(Vacancy vacancy, List<MatchIndex.IndexMatch> matches) throws Exception {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(vacancy.id().getBytes(StandardCharsets.UTF_8));
			matches.stream()
				.map((match) -> match.alertId() + "@" + match.distanceMiles())
				.sorted()
				.forEach((pair) -> digest.update(("|" + pair).getBytes(StandardCharsets.UTF_8)));
			return digest.digest();
		}

	}

	private record Row(String engine, int alerts, int vacancies, double perCpuSecond, double perWallSecond,
			double p50Millis, double p99Millis, double p99WallMillis, double matchesPerVacancy, long heapPerAlert,
			double buildSeconds) {

	}

}

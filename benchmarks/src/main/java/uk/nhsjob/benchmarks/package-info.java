/**
 * Measuring harnesses, each a plain main (not JMH) and none run by the tests: the feed
 * benchmark ({@link uk.nhsjob.benchmarks.FeedBenchmark},
 * {@code ./mvnw -q -pl benchmarks -am -Pbenchmark package -DskipTests}), the notifier's
 * throughput ({@link uk.nhsjob.benchmarks.NotifierThroughput}), the matcher's start-up at
 * a million alerts ({@link uk.nhsjob.benchmarks.MatcherStartupBenchmark}) and, in
 * {@code uk.nhsjob.benchmarks.index}, the match index against Lucene Monitor
 * ({@code ./mvnw -q -DskipTests -Pharness package -pl benchmarks -am && java -Xmx6g -jar benchmarks/target/benchmarks.jar}).
 */
@NullMarked
package uk.nhsjob.benchmarks;

import org.jspecify.annotations.NullMarked;

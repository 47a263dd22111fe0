/**
 * Benchmarks: the feed benchmark ({@link uk.nhsjob.benchmarks.FeedBenchmark},
 * {@code ./mvnw -q -pl benchmarks -am -Pbenchmark package -DskipTests}) and JMH
 * benchmarks that later issues add
 * ({@code ./mvnw -pl benchmarks -am -Pjmh package -DskipTests && java -jar benchmarks/target/benchmarks.jar}).
 */
package uk.nhsjob.benchmarks;

/**
 * Benchmarks: JMH benchmarks and load harnesses that later issues add. Run with
 * {@code ./mvnw -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar}.
 */
package uk.nhsjob.benchmarks;

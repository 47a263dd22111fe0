/**
 * A single-node KRaft broker in its own JVM, started from the Kafka jars Maven copied to
 * {@code target/kafka-libs}.
 */
@NullMarked
package uk.nhsjob.localstack.kafka;

import org.jspecify.annotations.NullMarked;

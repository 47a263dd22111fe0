/**
 * KRaft clusters of one or more nodes on loopback, each node both broker and controller
 * in a JVM of its own, started from the Kafka jars Maven copied to
 * {@code target/kafka-libs}; {@link uk.nhsjob.localstack.kafka.KafkaCluster} is the entry
 * point, for the local stack and for tests that kill a broker and start it again.
 */
@NullMarked
package uk.nhsjob.localstack.kafka;

import org.jspecify.annotations.NullMarked;

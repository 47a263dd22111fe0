/**
 * Kafka wiring shared by the three services: topic declarations, the listeners' failure
 * policy and a broker health indicator.
 */
@NullMarked
package uk.nhsjob.platform.kafka;

import org.jspecify.annotations.NullMarked;

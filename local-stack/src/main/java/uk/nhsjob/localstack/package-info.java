/**
 * The local stack: one command that starts a Kafka broker, a MongoDB-wire server, a mail
 * catcher with a web inbox and the three services on one machine, and stops them all on
 * Ctrl-C.
 */
@NullMarked
package uk.nhsjob.localstack;

import org.jspecify.annotations.NullMarked;

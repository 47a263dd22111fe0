/**
 * The embedded MongoDB-wire server (mongo-java-server with its H2 file backend), used
 * when {@code MONGODB_URI} is not set.
 */
@NullMarked
package uk.nhsjob.localstack.mongo;

import org.jspecify.annotations.NullMarked;

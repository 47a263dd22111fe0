/**
 * The notifier service: {@code recipient} keeps what the profile stream says about each
 * alert, {@code delivery} turns matches into emails exactly once, {@code email} renders
 * them, {@code smtp} talks to the SMTP server, {@code digest} says when the digests go,
 * {@code deadletter} counts the dead letters.
 */
@NullMarked
package uk.nhsjob.notifier;

import org.jspecify.annotations.NullMarked;

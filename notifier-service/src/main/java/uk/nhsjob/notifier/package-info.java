/**
 * The notifier service: {@code recipient} keeps what the profile stream says about each
 * alert, {@code delivery} turns matches into emails exactly once, {@code email} renders
 * and sends them.
 */
@NullMarked
package uk.nhsjob.notifier;

import org.jspecify.annotations.NullMarked;

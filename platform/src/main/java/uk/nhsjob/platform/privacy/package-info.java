/**
 * What keeps candidates' addresses and link tokens out of the logs where a message from a
 * library must be logged (docs/operations.md, "Logs").
 */
@NullMarked
package uk.nhsjob.platform.privacy;

import org.jspecify.annotations.NullMarked;

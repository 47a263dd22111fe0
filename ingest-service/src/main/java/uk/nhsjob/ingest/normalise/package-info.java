/**
 * Turns the raw strings of a feed into a normalised vacancy (docs/normalisation.md), or
 * field-level reasons to reject it.
 */
@NullMarked
package uk.nhsjob.ingest.normalise;

import org.jspecify.annotations.NullMarked;

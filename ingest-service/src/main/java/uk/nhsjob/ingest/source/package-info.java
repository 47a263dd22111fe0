/**
 * Registered sources, their API keys, and who may call the admin and feed endpoints.
 */
@NullMarked
package uk.nhsjob.ingest.source;

import org.jspecify.annotations.NullMarked;

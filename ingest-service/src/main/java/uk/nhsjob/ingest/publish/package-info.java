/**
 * Publishes new and changed vacancies on {@code nhsjob.vacancies.v1} through an outbox
 * kept in each vacancy's own document.
 */
@NullMarked
package uk.nhsjob.ingest.publish;

import org.jspecify.annotations.NullMarked;

/**
 * The ingest service: employers' systems push vacancies, which are normalised and
 * published on {@code nhsjob.vacancies.v1}.
 */
@NullMarked
package uk.nhsjob.ingest;

import org.jspecify.annotations.NullMarked;

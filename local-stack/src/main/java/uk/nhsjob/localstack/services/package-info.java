/**
 * The three services as child JVMs started from their executable jars, their readiness,
 * and the demo source registered with the ingest service.
 */
@NullMarked
package uk.nhsjob.localstack.services;

import org.jspecify.annotations.NullMarked;

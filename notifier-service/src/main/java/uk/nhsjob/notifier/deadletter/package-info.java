/**
 * The operator's view of the dead-letter topics: a count per topic in the metrics, and a
 * replay that puts their records back on the topics they came from.
 */
@NullMarked
package uk.nhsjob.notifier.deadletter;

import org.jspecify.annotations.NullMarked;

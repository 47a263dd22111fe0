/**
 * The operator's view of the dead-letter topics: a count per topic in the metrics. The
 * replay that puts their records back on the topics they came from is the platform's
 * {@code DeadLetterReplay}, a command an operator runs (docs/operations.md).
 */
@NullMarked
package uk.nhsjob.notifier.deadletter;

import org.jspecify.annotations.NullMarked;

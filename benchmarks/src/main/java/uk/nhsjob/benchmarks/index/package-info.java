/**
 * The match index against Apache Lucene Monitor, and alone at scale: a harness with its
 * own main, through the index's public surface only.
 */
@NullMarked
package uk.nhsjob.benchmarks.index;

import org.jspecify.annotations.NullMarked;

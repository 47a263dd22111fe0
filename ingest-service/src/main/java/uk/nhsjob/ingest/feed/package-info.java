/**
 * The feed endpoint: reads a pushed document, has its vacancies normalised and published,
 * and answers with a receipt.
 */
@NullMarked
package uk.nhsjob.ingest.feed;

import org.jspecify.annotations.NullMarked;

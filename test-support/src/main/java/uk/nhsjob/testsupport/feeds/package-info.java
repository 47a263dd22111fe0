/**
 * Employers' feeds for tests: vacancies written in the four formats of docs/feeds.md,
 * beside the facts the oracle matches on.
 */
@NullMarked
package uk.nhsjob.testsupport.feeds;

import org.jspecify.annotations.NullMarked;

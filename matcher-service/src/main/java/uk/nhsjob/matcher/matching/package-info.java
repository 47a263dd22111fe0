/**
 * Matching: the set of open vacancies rebuilt from the vacancy stream, the rules of SPEC
 * §6, and the matches and welcome sets published for the notifier.
 */
@NullMarked
package uk.nhsjob.matcher.matching;

import org.jspecify.annotations.NullMarked;

/**
 * The match index: which alerts a vacancy matches, by the rules of docs/matching.md,
 * without scanning every alert. Its public surface is {@code MatchIndex},
 * {@code CriteriaProbe} (one set of criteria asked of vacancies) and {@code MatchRules};
 * everything else is package-private.
 */
@NullMarked
package uk.nhsjob.matcher.index;

import org.jspecify.annotations.NullMarked;

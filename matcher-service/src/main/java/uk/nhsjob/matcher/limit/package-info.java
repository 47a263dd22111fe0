/**
 * Limits per client and overall (docs/alerts.md, "Limits"): alert creation and previews
 * per client address, confirmation emails for the whole service, counted in fixed windows
 * in MongoDB so that every instance shares one count.
 */
@NullMarked
package uk.nhsjob.matcher.limit;

import org.jspecify.annotations.NullMarked;

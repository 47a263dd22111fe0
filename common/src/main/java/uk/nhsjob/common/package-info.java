/**
 * The contracts the three services share: event records, topic names and the domain
 * vocabulary. Nothing else belongs here.
 */
@NullMarked
package uk.nhsjob.common;

import org.jspecify.annotations.NullMarked;

/**
 * Alert profiles: creating, confirming and reading them, the signed links that manage
 * them, and publishing every change on the profile stream.
 */
@NullMarked
package uk.nhsjob.matcher.alert;

import org.jspecify.annotations.NullMarked;

/**
 * What the three services share about HTTP requests.
 */
@NullMarked
package uk.nhsjob.platform.web;

import org.jspecify.annotations.NullMarked;

/**
 * MongoDB wiring shared by the three services.
 */
@NullMarked
package uk.nhsjob.platform.mongo;

import org.jspecify.annotations.NullMarked;

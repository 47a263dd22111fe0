/**
 * The {@code background} health group: the readers a service runs beside its HTTP side
 * (views, relays, reconciliations, listeners) report whether they keep up, and the group
 * is DOWN while one is behind or broken (docs/operations.md).
 */
@NullMarked
package uk.nhsjob.platform.background;

import org.jspecify.annotations.NullMarked;

/**
 * The matcher service: alert profiles ({@code alert}) and matching vacancies against them
 * ({@code matching}).
 */
@NullMarked
package uk.nhsjob.matcher;

import org.jspecify.annotations.NullMarked;

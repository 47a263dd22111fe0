/**
 * The matcher service: alert profiles ({@code alert}), the match index ({@code index})
 * and the matching runtime that matches vacancies against alerts ({@code matching}).
 */
@NullMarked
package uk.nhsjob.matcher;

import org.jspecify.annotations.NullMarked;

/**
 * The alerts' web side: the JSON API under {@code /api/v1}, the subscription, confirm,
 * manage and unsubscribe pages with their forms and helpers, and the advice that turns
 * errors into answers.
 */
@NullMarked
package uk.nhsjob.matcher.alert.web;

import org.jspecify.annotations.NullMarked;

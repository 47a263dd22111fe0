/**
 * Emails about an address rather than one alert: the contract of the notices topic.
 */
@NullMarked
package uk.nhsjob.common.notice;

import org.jspecify.annotations.NullMarked;

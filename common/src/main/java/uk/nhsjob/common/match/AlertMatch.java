package uk.nhsjob.common.match;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A record on {@link uk.nhsjob.common.Topics#ALERTS}, keyed by alert id; its JSON carries
 * its kind in {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = VacancyMatched.class, name = "VacancyMatched"),
		@JsonSubTypes.Type(value = WelcomeSetMatched.class, name = "WelcomeSetMatched") })
public sealed interface AlertMatch permits VacancyMatched, WelcomeSetMatched {

	UUID eventId();

	int schemaVersion();

	Instant occurredAt();

	String alertId();

}

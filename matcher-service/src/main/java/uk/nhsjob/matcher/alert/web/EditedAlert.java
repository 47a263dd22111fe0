package uk.nhsjob.matcher.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.alert.Criteria;

/**
 * The body of {@code PUT /api/v1/alerts/{alertId}}: replaces criteria, frequency and
 * paused state.
 *
 * @param criteria absent for an alert that matches everything, as on creation
 * @param paused required, so that a client that forgets it does not resume an alert
 * @param closingSoon absent keeps the alert's setting, so that a client written before it
 * existed does not turn it off
 */
record EditedAlert(@Nullable @Valid Criteria criteria, @NotNull Frequency frequency, @NotNull Boolean paused,
		@Nullable Boolean closingSoon) {

	Criteria normalisedCriteria() {
		return ((this.criteria != null) ? this.criteria : Criteria.ANY).normalised();
	}

}

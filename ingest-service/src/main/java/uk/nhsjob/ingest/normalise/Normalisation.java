package uk.nhsjob.ingest.normalise;

import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * The outcome for one vacancy of a feed: the normalised vacancy (revision 0, for the
 * publisher to number), or why it was rejected.
 *
 * @param externalId the vacancy's id at its source, when it had one
 */
public record Normalisation(@Nullable String externalId, @Nullable Vacancy vacancy, List<FieldError> errors) {

	public Normalisation {
		errors = List.copyOf(errors);
	}

	static Normalisation accepted(Vacancy vacancy) {
		return new Normalisation(vacancy.externalId(), vacancy, List.of());
	}

	static Normalisation rejected(@Nullable String externalId, List<FieldError> errors) {
		return new Normalisation(externalId, null, errors);
	}

	public boolean isAccepted() {
		return this.vacancy != null;
	}

}

package uk.nhsjob.matcher.alert;

import java.util.List;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * What an alert with some criteria would match now: the port through which the
 * subscription page asks for its preview. Declared here, where it is needed, and answered
 * by the matching side, so that alerts know nothing of how vacancies are matched.
 */
public interface MatchPreviews {

	/** The most vacancies one preview lists. */
	int MAX_VACANCIES = 100;

	/**
	 * The open vacancies the criteria match now, newest first, or as they were a few
	 * seconds ago: previews are answered from a short-lived cache.
	 * @param criteria in any form; equal once {@link Criteria#normalised() normalised} is
	 * the same preview
	 * @param limit at most how many vacancies to answer (the total counts them all), up
	 * to {@value #MAX_VACANCIES}
	 * @throws PreviewsBusy when as many previews as allowed are running already
	 */
	MatchPreview preview(Criteria criteria, int limit);

	/**
	 * @param total how many open vacancies match
	 * @param vacancies the newest of them, up to the limit asked for
	 */
	record MatchPreview(int total, List<Vacancy> vacancies) {

		/** The same preview listing at most {@code limit} vacancies. */
		public MatchPreview limitedTo(int limit) {
			return (this.vacancies.size() <= limit) ? this
					: new MatchPreview(this.total, List.copyOf(this.vacancies.subList(0, limit)));
		}

	}

}

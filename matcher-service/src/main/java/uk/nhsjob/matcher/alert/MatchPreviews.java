package uk.nhsjob.matcher.alert;

import java.util.List;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * What an alert with some criteria would match now: the port through which the
 * subscription page asks for its preview. Declared here, where it is needed, and answered
 * by the matching side, so that alerts know nothing of how vacancies are matched.
 */
public interface MatchPreviews {

	/**
	 * The open vacancies the criteria match now, newest first.
	 * @param criteria in their stored form ({@link Criteria#normalised()})
	 * @param limit at most how many vacancies to answer (the total counts them all)
	 */
	MatchPreview preview(Criteria criteria, int limit);

	/**
	 * @param total how many open vacancies match
	 * @param vacancies the newest of them, up to the limit asked for
	 */
	record MatchPreview(int total, List<Vacancy> vacancies) {
	}

}

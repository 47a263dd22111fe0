package uk.nhsjob.matcher.index;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * One set of criteria asked the other way round: which vacancies it matches. It is a
 * {@link MatchIndex} of that one alert, so the preview and the welcome set answer by the
 * very code that matches vacancies to alerts, distances included.
 */
public final class CriteriaProbe {

	private static final String PROBE_ID = new UUID(0, 0).toString();

	private final MatchIndex index;

	private CriteriaProbe(MatchIndex index) {
		this.index = index;
	}

	/** Criteria in their stored form ({@link Criteria#normalised()}). */
	public static CriteriaProbe of(Criteria criteria, PostcodeDirectory postcodes) {
		MatchIndex index = new MatchIndex(postcodes);
		index.put(PROBE_ID, criteria);
		return new CriteriaProbe(index);
	}

	public boolean matches(Vacancy vacancy) {
		return !this.index.matches(vacancy).isEmpty();
	}

	/**
	 * The match, if the vacancy matches: with its distance from the criteria's postcode.
	 */
	public MatchIndex.@Nullable IndexMatch match(Vacancy vacancy) {
		List<MatchIndex.IndexMatch> matches = this.index.matches(vacancy);
		return matches.isEmpty() ? null : matches.get(0);
	}

}

package uk.nhsjob.matcher.matching;

import java.util.List;

import org.springframework.stereotype.Component;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.MatchPreviews;
import uk.nhsjob.matcher.index.CriteriaProbe;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * Previews from the open vacancies, newest first, each asked of a {@link CriteriaProbe},
 * so by the very rules the match index applies. Serves the preview API and, in process,
 * the subscription page.
 */
@Component
class OpenVacancyPreviews implements MatchPreviews {

	private final OpenVacancies openVacancies;

	private final PostcodeDirectory postcodes;

	OpenVacancyPreviews(OpenVacancies openVacancies, PostcodeDirectory postcodes) {
		this.openVacancies = openVacancies;
		this.postcodes = postcodes;
	}

	@Override
	public MatchPreview preview(Criteria criteria, int limit) {
		CriteriaProbe matching = CriteriaProbe.of(criteria, this.postcodes);
		List<Vacancy> matches = this.openVacancies.newestFirst().stream().filter(matching::matches).toList();
		return new MatchPreview(matches.size(), matches.subList(0, Math.min(matches.size(), limit)));
	}

}

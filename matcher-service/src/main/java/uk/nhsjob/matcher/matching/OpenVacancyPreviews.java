package uk.nhsjob.matcher.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.MatchPreviews;
import uk.nhsjob.matcher.alert.PreviewsBusy;
import uk.nhsjob.matcher.index.CriteriaProbe;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * Previews from the open vacancies, newest first, each asked of a {@link CriteriaProbe},
 * so by the very rules the match index applies. Serves the preview API and, in process,
 * the subscription page.
 * <p>
 * A preview scans every open vacancy, so what anyone can ask for is kept cheap
 * (docs/alerts.md, "Preview"): the answer for the same normalised criteria is kept for a
 * few seconds, and only a few are computed at once; one more is refused at once rather
 * than queued, so request threads are never held waiting for a scan. The cache is this
 * instance's own, and may be: it only saves work, and another instance answering afresh
 * is as right.
 */
@Component
class OpenVacancyPreviews implements MatchPreviews {

	private final OpenVacancies openVacancies;

	private final PostcodeDirectory postcodes;

	private final Cache<Criteria, MatchPreview> recent;

	private final Semaphore computing;

	@Autowired
	OpenVacancyPreviews(OpenVacancies openVacancies, PostcodeDirectory postcodes, PreviewSettings settings) {
		this(openVacancies, postcodes, settings, Ticker.systemTicker());
	}

	/**
	 * @param ticker what the cache's entries age by
	 */
	OpenVacancyPreviews(OpenVacancies openVacancies, PostcodeDirectory postcodes, PreviewSettings settings,
			Ticker ticker) {
		this.openVacancies = openVacancies;
		this.postcodes = postcodes;
		this.recent = Caffeine.newBuilder()
			.maximumSize(settings.cacheSize())
			.expireAfterWrite(settings.cacheFor())
			.ticker(ticker)
			.build();
		this.computing = new Semaphore(settings.maxConcurrent());
	}

	@Override
	public MatchPreview preview(Criteria criteria, int limit) {
		Criteria normalised = criteria.normalised();
		MatchPreview held = this.recent.getIfPresent(normalised);
		return ((held != null) ? held : findNow(normalised)).limitedTo(limit);
	}

	/** Computes and keeps the longest answer any caller may ask for. */
	private MatchPreview findNow(Criteria criteria) {
		if (!this.computing.tryAcquire()) {
			throw new PreviewsBusy();
		}
		try {
			CriteriaProbe matching = CriteriaProbe.of(criteria, this.postcodes);
			Set<String> jobs = new HashSet<>();
			// the newest copy of each job (docs/matching.md)
			List<Vacancy> matches = this.openVacancies.newestFirst()
				.stream()
				.filter(matching::matches)
				.filter((vacancy) -> jobs.add(vacancy.job()))
				.toList();
			MatchPreview found = new MatchPreview(matches.size(),
					List.copyOf(matches.subList(0, Math.min(matches.size(), MAX_VACANCIES))));
			this.recent.put(criteria, found);
			return found;
		}
		finally {
			this.computing.release();
		}
	}

}

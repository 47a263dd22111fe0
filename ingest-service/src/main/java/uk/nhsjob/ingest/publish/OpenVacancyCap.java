package uk.nhsjob.ingest.publish;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.ingest.IngestSettings;

/**
 * The most open vacancies a source may hold (docs/feeds.md, "Limits"): a feed that would
 * leave more open, counted after its own closures, is refused before anything of it is
 * stored. Counted from the states of the source's vacancies that the feed reads anyway,
 * under the source's lease, so no other feed or withdrawal of the source (on any
 * instance) changes them meanwhile, and no count is kept anywhere to drift. A feed that
 * cannot reach the cap, whatever it holds, is not walked; one that could is walked once
 * more, before it is published, to count what it would leave open.
 */
@Component
class OpenVacancyCap {

	private final int limit;

	OpenVacancyCap(IngestSettings settings) {
		this.limit = settings.maxOpenVacanciesPerSource();
	}

	/**
	 * @param keep for a snapshot, the external ids of the source's vacancies it rejected
	 * (they keep their state), asked for once the feed was walked; null for a delta
	 * @throws TooManyOpenVacanciesException when the feed would leave more open than the
	 * limit
	 */
	void check(String sourceId, Map<String, VacancyState> states, VacancyFeed vacancies,
			@Nullable Supplier<Set<String>> keep) {
		long openNow = states.values().stream().filter(OpenVacancyCap::isOpen).count();
		// a snapshot leaves open at most what it names (accepted or rejected); a delta
		// adds at most what it names to what is open now
		long most = (keep != null) ? vacancies.most() : openNow + vacancies.most();
		if (most <= this.limit) {
			return;
		}
		long open = (keep != null) ? openAfterSnapshot(sourceId, states, vacancies, keep)
				: openAfterDelta(states, vacancies, openNow);
		if (open > this.limit) {
			throw new TooManyOpenVacanciesException(sourceId, this.limit, (int) Math.min(open, Integer.MAX_VALUE));
		}
	}

	/** Every vacancy a feed gives is open; those not open yet add one each. */
	private static long openAfterDelta(Map<String, VacancyState> states, VacancyFeed vacancies, long openNow) {
		long[] open = { openNow };
		vacancies.forEach((vacancy) -> {
			VacancyState current = states.get(vacancy.id());
			if (current == null || !isOpen(current)) {
				open[0]++;
			}
		});
		return open[0];
	}

	/**
	 * What the snapshot gives, and the open vacancies it rejected for their content
	 * (which stay open); it closes the rest.
	 */
	private static long openAfterSnapshot(String sourceId, Map<String, VacancyState> states, VacancyFeed vacancies,
			Supplier<Set<String>> keep) {
		Set<String> given = new HashSet<>();
		vacancies.forEach((vacancy) -> given.add(vacancy.id()));
		Set<String> kept = keep.get();
		long open = given.size();
		for (VacancyState state : states.values()) {
			if (isOpen(state) && !given.contains(state.id())
					&& kept.contains(state.id().substring(sourceId.length() + 1))) {
				open++;
			}
		}
		return open;
	}

	private static boolean isOpen(VacancyState state) {
		return state.status() == VacancyStatus.OPEN;
	}

}

package uk.nhsjob.matcher.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.matcher.index.MatchIndex.IndexMatch;

/**
 * One vacancy at a time, its features worked out once, read against posting lists: the
 * packed filters first, then (for located alerts) a flat prefilter on the entry's centre,
 * then the exact distance, then keywords against the vacancy's words, numbered once.
 * Reused from vacancy to vacancy by one thread: its match buffers grow once and stay.
 */
final class VacancyProbe {

	private static final double NO_DISTANCE = -1;

	private final CompiledAlerts alerts;

	private final WordIds words;

	private long[] matchedIds = new long[512];

	private double[] matchedMiles = new double[256];

	private int matched;

	private @Nullable Vacancy vacancy;

	private int contractBit;

	private int employerBit;

	private int patternMask;

	private int specialtiesLow;

	private int specialtiesHigh;

	private int bandLow;

	private int bandHigh;

	private int salaryTop;

	private double latitude;

	private double longitude;

	private int radiusMiles;

	private double prefilterK;

	private double prefilterThreshold;

	private @Nullable VacancyWords text;

	VacancyProbe(CompiledAlerts alerts, WordIds words) {
		this.alerts = alerts;
		this.words = words;
	}

	void start(Vacancy vacancy) {
		this.vacancy = vacancy;
		this.matched = 0;
		this.text = null;
		this.contractBit = (vacancy.contractType() != null) ? 1 << vacancy.contractType().ordinal() : 0;
		this.employerBit = 1 << vacancy.employerType().ordinal();
		this.patternMask = (int) AlertFilters.maskOf(vacancy.workingPatterns());
		long specialties = AlertFilters.maskOf(vacancy.specialties());
		this.specialtiesLow = (int) specialties;
		this.specialtiesHigh = (int) (specialties >>> 32);
		Band low = (vacancy.bandMin() != null) ? vacancy.bandMin() : vacancy.bandMax();
		Band high = (vacancy.bandMax() != null) ? vacancy.bandMax() : vacancy.bandMin();
		this.bandLow = (low != null) ? low.rank() : -1;
		this.bandHigh = (high != null) ? high.rank() : -1;
		Integer top = (vacancy.salaryMaxAnnual() != null) ? vacancy.salaryMaxAnnual() : vacancy.salaryMinAnnual();
		this.salaryTop = (top != null) ? top : AlertFilters.NO_SALARY;
		this.latitude = vacancy.hasLocation() ? vacancy.latitude() : 0;
		this.longitude = vacancy.hasLocation() ? vacancy.longitude() : 0;
	}

	/** The matches found since {@link #start}; forgets the vacancy. */
	List<IndexMatch> finish() {
		List<IndexMatch> matches = new ArrayList<>(this.matched);
		for (int i = 0; i < this.matched; i++) {
			double miles = this.matchedMiles[i];
			UUID id = new UUID(this.matchedIds[2 * i], this.matchedIds[2 * i + 1]);
			matches.add(new IndexMatch(id.toString(), (miles == NO_DISTANCE) ? null : miles));
		}
		this.vacancy = null;
		this.text = null;
		return matches;
	}

	/** Alerts that place no limit on where the vacancy is: no distance. */
	void readWithoutDistance(Postings postings) {
		int[] entries = postings.entries();
		int length = postings.length();
		for (int at = 0; at < length; at += Postings.STRIDE) {
			int filters = entries[at + Postings.FILTERS];
			if (passes(entries, at, filters)) {
				int slot = entries[at + Postings.SLOT];
				if (matchesKeywords(slot, filters, entries[at + Postings.SINGLE_WORD])) {
					add(slot, NO_DISTANCE);
				}
			}
		}
	}

	/** Before the postings of a grid: its radius and prefilter. */
	void useGrid(GeoGrid grid) {
		this.radiusMiles = grid.radiusMiles();
		double[] prefilter = grid.prefilterThreshold(this.latitude);
		this.prefilterK = prefilter[0];
		this.prefilterThreshold = prefilter[1];
	}

	/** Alerts around a centre, all of the radius of the last {@link #useGrid grid}. */
	void readWithinRadius(Postings postings) {
		int[] entries = postings.entries();
		int length = postings.length();
		for (int at = 0; at < length; at += Postings.STRIDE) {
			int filters = entries[at + Postings.FILTERS];
			if (!passes(entries, at, filters) || !mayBeWithinRadius(entries, at)) {
				continue;
			}
			int slot = entries[at + Postings.SLOT];
			double miles = Haversine.roundedMilesWithin(this.alerts.latitude(slot), this.alerts.longitude(slot),
					this.latitude, this.longitude, this.radiusMiles);
			if (miles >= 0 && matchesKeywords(slot, filters, entries[at + Postings.SINGLE_WORD])) {
				add(slot, miles);
			}
		}
	}

	/** Keeps the match's id while the alert's core is in the cache. */
	private void add(int slot, double miles) {
		if (this.matched == this.matchedMiles.length) {
			this.matchedIds = Arrays.copyOf(this.matchedIds, this.matched * 4);
			this.matchedMiles = Arrays.copyOf(this.matchedMiles, this.matched * 2);
		}
		this.matchedIds[2 * this.matched] = this.alerts.idMostSignificantBits(slot);
		this.matchedIds[2 * this.matched + 1] = this.alerts.idLeastSignificantBits(slot);
		this.matchedMiles[this.matched] = miles;
		this.matched++;
	}

	private boolean mayBeWithinRadius(int[] entries, int at) {
		double dLat = Float.intBitsToFloat(entries[at + Postings.LATITUDE]) - this.latitude;
		double dLon = Float.intBitsToFloat(entries[at + Postings.LONGITUDE]) - this.longitude;
		return dLat * dLat + this.prefilterK * dLon * dLon <= this.prefilterThreshold;
	}

	/** Every criterion but place and keywords: the cheap ones, from the entry alone. */
	private boolean passes(int[] entries, int at, int filters) {
		int contracts = AlertFilters.contractTypes(filters);
		int employers = AlertFilters.employerTypes(filters);
		int patterns = AlertFilters.workingPatterns(filters);
		int minSalary = entries[at + Postings.MIN_SALARY];
		return (contracts == 0 || (contracts & this.contractBit) != 0)
				&& (employers == 0 || (employers & this.employerBit) != 0)
				&& (patterns == 0 || (patterns & this.patternMask) != 0)
				&& (this.bandLow < 0 || (this.bandLow <= AlertFilters.bandHigh(filters)
						&& this.bandHigh >= AlertFilters.bandLow(filters)))
				&& (minSalary == AlertFilters.NO_SALARY || this.salaryTop == AlertFilters.NO_SALARY
						|| this.salaryTop >= minSalary)
				&& ((filters & AlertFilters.HAS_SPECIALTIES) == 0
						|| ((entries[at + Postings.SPECIALTIES_LOW] & this.specialtiesLow)
								| (entries[at + Postings.SPECIALTIES_HIGH] & this.specialtiesHigh)) != 0);
	}

	/** A single word from the entry; other keywords from the alert's compiled query. */
	private boolean matchesKeywords(int slot, int filters, int singleWord) {
		if ((filters & AlertFilters.HAS_KEYWORDS) == 0) {
			return true;
		}
		if (singleWord != WordIds.UNKNOWN) {
			return text().containsWord(singleWord);
		}
		int[] query = this.alerts.keywords(slot);
		return query == null || CompiledKeywords.matches(query, text());
	}

	private VacancyWords text() {
		VacancyWords words = this.text;
		if (words == null) {
			Vacancy current = this.vacancy;
			words = VacancyWords.of(current.title(), current.description(), this.words);
			this.text = words;
		}
		return words;
	}

}

package uk.nhsjob.matcher.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.platform.postcode.Coordinates;
import uk.nhsjob.platform.postcode.Postcode;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * Answers "which alerts does this vacancy match" without scanning them all, by the rules
 * of {@link AlertCriteria} (SPEC §6), to the same answer.
 * <p>
 * An alert is posted under each role it asks for (or under "any role"), and placed by
 * where it reaches: alerts without a postcode in one set; located alerts in the
 * {@link GeoGrid} of the smallest radius class that holds their radius, by the cell of
 * their postcode; located alerts that take remote work also in a set of their own. A
 * vacancy reads only the postings for its role in the places that can reach it, then
 * tests each candidate on columns of primitives, keywords last.
 * <p>
 * Not thread-safe: one writer at a time, and no reads during a write.
 */
final class MatchIndex {

	/** Radius classes in miles; alert radii run from 1 to 100. */
	private static final int[] RADIUS_CLASSES = { 5, 10, 25, 50, 100 };

	private final PostcodeDirectory postcodes;

	private final AlertIdSlots slotsById = new AlertIdSlots();

	private final CompiledAlerts alerts = new CompiledAlerts();

	private final RoleBuckets unlocated = new RoleBuckets();

	private final RoleBuckets takingRemoteWork = new RoleBuckets();

	private final GeoGrid[] grids = new GeoGrid[RADIUS_CLASSES.length];

	MatchIndex(PostcodeDirectory postcodes) {
		this.postcodes = postcodes;
		for (int i = 0; i < RADIUS_CLASSES.length; i++) {
			this.grids[i] = new GeoGrid(RADIUS_CLASSES[i]);
		}
	}

	/** Adds the alert, or replaces its criteria. Criteria in their stored form. */
	void put(String alertId, Criteria criteria) {
		UUID id = UUID.fromString(alertId);
		remove(id);
		Coordinates centre = Postcode.parse(criteria.postcode()).flatMap(this.postcodes::locate).orElse(null);
		int slot = this.alerts.add(id, criteria, centre);
		place(slot, criteria, centre);
		this.slotsById.put(id, slot);
	}

	void remove(String alertId) {
		remove(UUID.fromString(alertId));
	}

	int size() {
		return this.slotsById.size();
	}

	/** The alerts the vacancy matches, in no particular order. */
	List<IndexMatch> matches(Vacancy vacancy) {
		List<IndexMatch> matches = new ArrayList<>();
		Probe probe = new Probe(vacancy, this.alerts, matches);
		if (vacancy.remote() == RemoteWorking.REMOTE) {
			this.unlocated.forEachCandidate(vacancy.role(), probe::testUnlocated);
			this.takingRemoteWork.forEachCandidate(vacancy.role(), probe::testUnlocated);
		}
		else {
			this.unlocated.forEachCandidate(vacancy.role(), probe::testUnlocated);
			if (vacancy.hasLocation()) {
				for (GeoGrid grid : this.grids) {
					grid.forEachCandidate(vacancy.role(), vacancy.latitude(), vacancy.longitude(), probe::testLocated);
				}
			}
		}
		return matches;
	}

	private void remove(UUID id) {
		int slot = this.slotsById.get(id);
		if (slot < 0) {
			return;
		}
		this.slotsById.remove(id);
		unplace(slot);
		this.alerts.free(slot);
	}

	private void place(int slot, Criteria criteria, @Nullable Coordinates centre) {
		int roleMask = this.alerts.roleMask[slot];
		if (criteria.postcode() == null) {
			this.unlocated.add(slot, roleMask);
			return;
		}
		if (Boolean.TRUE.equals(criteria.includeRemote())) {
			this.takingRemoteWork.add(slot, roleMask);
		}
		if (centre != null) {
			gridFor(this.alerts.radiusMiles[slot]).add(slot, roleMask, centre.latitude(), centre.longitude());
		}
		// a postcode without a known centroid reaches no located vacancy (nor did it in
		// AlertCriteria), only remote ones when it takes remote work
	}

	private void unplace(int slot) {
		int roleMask = this.alerts.roleMask[slot];
		if (this.alerts.radiusMiles[slot] == 0) {
			this.unlocated.remove(slot, roleMask);
			return;
		}
		this.takingRemoteWork.remove(slot, roleMask);
		double latitude = this.alerts.latitude[slot];
		if (!Double.isNaN(latitude)) {
			gridFor(this.alerts.radiusMiles[slot]).remove(slot, roleMask, latitude, this.alerts.longitude[slot]);
		}
	}

	private GeoGrid gridFor(int radiusMiles) {
		for (GeoGrid grid : this.grids) {
			if (radiusMiles <= grid.radiusMiles()) {
				return grid;
			}
		}
		throw new IllegalArgumentException("radius over " + RADIUS_CLASSES[RADIUS_CLASSES.length - 1] + " miles");
	}

	/**
	 * An alert the vacancy matches.
	 *
	 * @param distanceMiles from the alert's postcode, to one decimal place; null when the
	 * alert has no postcode or the vacancy is remote
	 */
	record IndexMatch(String alertId, @Nullable Double distanceMiles) {
	}

	/** One vacancy, its features worked out once, tested against candidate slots. */
	private static final class Probe {

		private final Vacancy vacancy;

		private final CompiledAlerts alerts;

		private final List<IndexMatch> matches;

		private final int contractBit;

		private final int employerBit;

		private final int patternMask;

		private final long specialtyMask;

		private final int bandLow;

		private final int bandHigh;

		private final int salaryTop;

		private @Nullable Words titleWords;

		private @Nullable Words descriptionWords;

		Probe(Vacancy vacancy, CompiledAlerts alerts, List<IndexMatch> matches) {
			this.vacancy = vacancy;
			this.alerts = alerts;
			this.matches = matches;
			this.contractBit = (vacancy.contractType() != null) ? 1 << vacancy.contractType().ordinal() : 0;
			this.employerBit = 1 << vacancy.employerType().ordinal();
			this.patternMask = (int) CompiledAlerts.maskOf(vacancy.workingPatterns());
			this.specialtyMask = CompiledAlerts.maskOf(vacancy.specialties());
			Band low = (vacancy.bandMin() != null) ? vacancy.bandMin() : vacancy.bandMax();
			Band high = (vacancy.bandMax() != null) ? vacancy.bandMax() : vacancy.bandMin();
			this.bandLow = (low != null) ? low.rank() : -1;
			this.bandHigh = (high != null) ? high.rank() : -1;
			Integer top = (vacancy.salaryMaxAnnual() != null) ? vacancy.salaryMaxAnnual() : vacancy.salaryMinAnnual();
			this.salaryTop = (top != null) ? top : CompiledAlerts.NO_SALARY;
		}

		void testUnlocated(int slot) {
			if (passesFilters(slot) && matchesKeywords(this.alerts.keywords[slot])) {
				this.matches.add(new IndexMatch(this.alerts.idOf(slot).toString(), null));
			}
		}

		void testLocated(int slot) {
			if (!passesFilters(slot)) {
				return;
			}
			double miles = Coordinates.miles(this.alerts.latitude[slot], this.alerts.longitude[slot],
					this.vacancy.latitude(), this.vacancy.longitude());
			if (miles <= this.alerts.radiusMiles[slot] && matchesKeywords(this.alerts.keywords[slot])) {
				this.matches.add(new IndexMatch(this.alerts.idOf(slot).toString(), Math.round(miles * 10) / 10.0));
			}
		}

		/** Every criterion but place and keywords: the cheap ones. */
		private boolean passesFilters(int slot) {
			CompiledAlerts a = this.alerts;
			return isAnyOrIn(a.contractMask[slot], this.contractBit)
					&& isAnyOrIn(a.employerMask[slot], this.employerBit)
					&& isAnyOrShared(a.patternMask[slot], this.patternMask)
					&& (a.specialtyMask[slot] == 0 || (a.specialtyMask[slot] & this.specialtyMask) != 0)
					&& (this.bandLow < 0 || (this.bandLow <= a.bandHigh[slot] && this.bandHigh >= a.bandLow[slot]))
					&& (a.minSalary[slot] == CompiledAlerts.NO_SALARY || this.salaryTop == CompiledAlerts.NO_SALARY
							|| this.salaryTop >= a.minSalary[slot]);
		}

		private boolean matchesKeywords(@Nullable KeywordQuery query) {
			if (query == null) {
				return true;
			}
			if (this.titleWords == null) {
				this.titleWords = Words.of(this.vacancy.title());
				this.descriptionWords = Words.of(this.vacancy.description());
			}
			return query.matches(this.titleWords, this.descriptionWords);
		}

		private static boolean isAnyOrIn(byte wanted, int valueBit) {
			return wanted == 0 || (wanted & valueBit) != 0;
		}

		private static boolean isAnyOrShared(byte wanted, int values) {
			return wanted == 0 || (wanted & values) != 0;
		}

	}

}

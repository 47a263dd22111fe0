package uk.nhsjob.matcher.index;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.index.CompiledAlerts.Place;
import uk.nhsjob.platform.postcode.Coordinates;
import uk.nhsjob.platform.postcode.Postcode;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * Answers "which alerts does this vacancy match" without scanning them all, by the rules
 * of {@link AlertCriteria} (docs/matching.md), to the same answer.
 * <p>
 * An alert is posted under each role it asks for (or under "any role"), and placed by
 * where it reaches: alerts without a postcode in one set; located alerts in the
 * {@link GeoGrid} of their radius, by the cell of their postcode; located alerts that
 * take remote work also in a set of their own. Each posting carries the alert's packed
 * filters and centre, so a vacancy reads its role's postings in the cells that can reach
 * it along arrays, and touches an alert's own columns only for the exact distance, the
 * keywords and its id.
 * <p>
 * Not thread-safe: one writer at a time, and no reads during a write.
 */
public final class MatchIndex {

	private final PostcodeDirectory postcodes;

	private final AlertIdSlots slotsById = new AlertIdSlots();

	private final CompiledAlerts alerts = new CompiledAlerts();

	private final RoleBuckets anywhere = new RoleBuckets();

	private final RoleBuckets takingRemoteWork = new RoleBuckets();

	private final GeoGrids grids = new GeoGrids();

	private final WordIds words = new WordIds();

	/**
	 * Each reading thread's probe, reused: a vacancy allocates little but its matches.
	 */
	private final ThreadLocal<VacancyProbe> probes = ThreadLocal
		.withInitial(() -> new VacancyProbe(this.alerts, this.words));

	public MatchIndex(PostcodeDirectory postcodes) {
		this.postcodes = postcodes;
	}

	/** Adds the alert, or replaces its criteria. Criteria in their stored form. */
	public void put(String alertId, Criteria criteria) {
		UUID id = UUID.fromString(alertId);
		// refuses a radius out of range before anything changes
		CompiledAlerts.radiusOf(criteria);
		remove(id);
		Coordinates centre = Postcode.parse(criteria.postcode()).flatMap(this.postcodes::locate).orElse(null);
		KeywordQuery query = KeywordQuery.parse(criteria.keywords());
		int[] keywords = query.isEmpty() ? null : CompiledKeywords.of(query, this.words);
		int slot = this.alerts.add(id, criteria, centre, keywords);
		GeoGrid.Entry entry = new GeoGrid.Entry(slot, AlertFilters.pack(criteria, keywords != null),
				AlertFilters.minSalary(criteria), AlertFilters.maskOf(criteria.specialties()),
				(keywords != null) ? CompiledKeywords.singleRequiredWord(keywords) : WordIds.UNKNOWN);
		place(entry, centre);
		this.slotsById.put(id, slot);
	}

	public void remove(String alertId) {
		remove(UUID.fromString(alertId));
	}

	/**
	 * Keeps the alert's criteria under another id, as they are, so that a later
	 * {@link #put} of the alert leaves them in place.
	 * @return false if the index does not hold the alert
	 */
	public boolean rekey(String alertId, String newId) {
		UUID from = UUID.fromString(alertId);
		UUID to = UUID.fromString(newId);
		int slot = this.slotsById.get(from);
		if (slot < 0) {
			return false;
		}
		remove(to);
		this.slotsById.remove(from);
		this.alerts.setId(slot, to);
		this.slotsById.put(to, slot);
		return true;
	}

	public int size() {
		return this.slotsById.size();
	}

	/** The alerts the vacancy matches, in no particular order. */
	public List<IndexMatch> matches(Vacancy vacancy) {
		VacancyProbe probe = this.probes.get();
		probe.start(vacancy);
		this.anywhere.forEachPosting(vacancy.role(), probe::readWithoutDistance);
		if (vacancy.remote() == RemoteWorking.REMOTE) {
			this.takingRemoteWork.forEachPosting(vacancy.role(), probe::readWithoutDistance);
		}
		else if (vacancy.hasLocation()) {
			for (GeoGrid grid : this.grids.inUse()) {
				probe.useGrid(grid);
				grid.forEachPostingWithin(vacancy.role(), vacancy.latitude(), vacancy.longitude(),
						probe::readWithinRadius);
			}
		}
		return probe.finish();
	}

	private void remove(UUID id) {
		int slot = this.slotsById.get(id);
		if (slot < 0) {
			return;
		}
		this.slotsById.remove(id);
		unplace(slot);
		int[] keywords = this.alerts.keywords(slot);
		if (keywords != null) {
			CompiledKeywords.release(keywords, this.words);
		}
		this.alerts.free(slot);
	}

	private void place(GeoGrid.Entry entry, @Nullable Coordinates centre) {
		int slot = entry.slot();
		int roleMask = this.alerts.roleMask(slot);
		byte place = this.alerts.place(slot);
		if (place == Place.ANYWHERE) {
			this.anywhere.add(entry, roleMask);
			return;
		}
		if ((place & Place.TAKES_REMOTE_WORK) != 0) {
			this.takingRemoteWork.add(entry, roleMask);
		}
		if (centre != null) {
			this.grids.of(this.alerts.radiusMiles(slot)).add(entry, roleMask, centre.latitude(), centre.longitude());
		}
		// a postcode without a known centroid reaches no located vacancy (nor does it in
		// AlertCriteria), only remote ones when it takes remote work
	}

	private void unplace(int slot) {
		int roleMask = this.alerts.roleMask(slot);
		byte place = this.alerts.place(slot);
		if (place == Place.ANYWHERE) {
			this.anywhere.remove(slot, roleMask);
			return;
		}
		if ((place & Place.TAKES_REMOTE_WORK) != 0) {
			this.takingRemoteWork.remove(slot, roleMask);
		}
		if ((place & Place.AROUND_CENTRE) != 0) {
			this.grids.of(this.alerts.radiusMiles(slot))
				.remove(slot, roleMask, this.alerts.latitude(slot), this.alerts.longitude(slot));
		}
	}

	/**
	 * An alert the vacancy matches.
	 *
	 * @param distanceMiles from the alert's postcode, to one decimal place; null when the
	 * alert has no postcode or the vacancy is remote
	 */
	public record IndexMatch(String alertId, @Nullable Double distanceMiles) {
	}

}

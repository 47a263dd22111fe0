package uk.nhsjob.matcher.index;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@link GeoGrid} per radius in use, made when the first alert of that radius comes:
 * within a grid every alert has the grid's radius, so the cells a vacancy reads are
 * exactly those that can hold an alert reaching it.
 */
final class GeoGrids {

	/** The largest radius an alert may have (docs/alerts.md). */
	static final int MAX_RADIUS_MILES = 100;

	private final GeoGrid[] byRadius = new GeoGrid[MAX_RADIUS_MILES + 1];

	private final List<GeoGrid> inUse = new ArrayList<>();

	/** The grid of alerts of this radius, 1 to {@value #MAX_RADIUS_MILES} miles. */
	GeoGrid of(int radiusMiles) {
		GeoGrid grid = this.byRadius[radiusMiles];
		if (grid == null) {
			grid = new GeoGrid(radiusMiles);
			this.byRadius[radiusMiles] = grid;
			this.inUse.add(grid);
		}
		return grid;
	}

	List<GeoGrid> inUse() {
		return this.inUse;
	}

}

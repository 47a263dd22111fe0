package uk.nhsjob.matcher.matching;

import java.util.HashMap;
import java.util.Map;

import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.platform.postcode.Coordinates;

/**
 * Located alerts whose radius is at most this grid's, in cells about that radius across,
 * by the cell of their own postcode. A vacancy finds every alert that can reach it by
 * reading the few cells within the grid's radius of the vacancy.
 */
final class GeoGrid {

	private static final double MILES_PER_DEGREE = Coordinates.EARTH_RADIUS_MILES * Math.PI / 180;

	/** Widens each search a little, so rounding never loses an alert at its very edge. */
	private static final double MARGIN = 1.01;

	private final int radiusMiles;

	private final double cellDegrees;

	private final Map<Long, RoleBuckets> cells = new HashMap<>();

	GeoGrid(int radiusMiles) {
		this.radiusMiles = radiusMiles;
		this.cellDegrees = radiusMiles / MILES_PER_DEGREE;
	}

	int radiusMiles() {
		return this.radiusMiles;
	}

	void add(int slot, int roleMask, double latitude, double longitude) {
		this.cells.computeIfAbsent(keyOf(latitude, longitude), (key) -> new RoleBuckets()).add(slot, roleMask);
	}

	void remove(int slot, int roleMask, double latitude, double longitude) {
		long key = keyOf(latitude, longitude);
		RoleBuckets cell = this.cells.get(key);
		if (cell != null) {
			cell.remove(slot, roleMask);
			if (cell.isEmpty()) {
				this.cells.remove(key);
			}
		}
	}

	/**
	 * Every alert for the role whose cell lies within the grid's radius of the point (a
	 * superset: the caller measures the exact distance).
	 */
	void forEachCandidate(Role role, double latitude, double longitude, RoleBuckets.SlotVisitor visitor) {
		if (this.cells.isEmpty()) {
			return;
		}
		double latitudeSpan = this.radiusMiles * MARGIN / MILES_PER_DEGREE;
		double longitudeSpan = longitudeSpan(latitude, latitudeSpan);
		int fromRow = index(latitude - latitudeSpan);
		int toRow = index(latitude + latitudeSpan);
		int fromColumn = index(longitude - longitudeSpan);
		int toColumn = index(longitude + longitudeSpan);
		for (int row = fromRow; row <= toRow; row++) {
			for (int column = fromColumn; column <= toColumn; column++) {
				RoleBuckets cell = this.cells.get(key(row, column));
				if (cell != null) {
					cell.forEachCandidate(role, visitor);
				}
			}
		}
	}

	/**
	 * Degrees of longitude within the radius anywhere in the latitude band: a degree of
	 * longitude shrinks towards the poles, so take its width at the band's poleward edge.
	 */
	private static double longitudeSpan(double latitude, double latitudeSpan) {
		double poleward = Math.min(89.0, Math.abs(latitude) + latitudeSpan);
		return latitudeSpan / Math.cos(Math.toRadians(poleward));
	}

	private long keyOf(double latitude, double longitude) {
		return key(index(latitude), index(longitude));
	}

	private int index(double degrees) {
		return (int) Math.floor(degrees / this.cellDegrees);
	}

	private static long key(int row, int column) {
		return ((long) row << 32) | (column & 0xFFFFFFFFL);
	}

}

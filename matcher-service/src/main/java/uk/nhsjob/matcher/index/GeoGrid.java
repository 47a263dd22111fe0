package uk.nhsjob.matcher.index;

import java.util.function.Consumer;

import uk.nhsjob.common.vocabulary.Role;
import uk.nhsjob.platform.postcode.Coordinates;

/**
 * Located alerts of one radius, in cells half that radius tall, by the cell of their own
 * postcode and their role bucket. A vacancy reads only the cells that meet the circle of
 * that radius around it, and only its role's postings there.
 * <p>
 * Which cells meet the circle follows from the haversine formula, not a flat map:
 * {@code hav(d) = hav(Δφ) + cos φ1 · cos φ2 · hav(Δλ)}, so within a row of cells, whose
 * nearest latitude to the vacancy is Δφ away and whose most poleward latitude is φ, an
 * alert within the radius r lies at most {@code 2·asin(√((hav(r) − hav(Δφ)) / (cos φv ·
 * cos φ)))} of longitude away. The same formula bounds the flat prefilter of
 * {@link #prefilterThreshold}. Longitudes never wrap at ±180° in Great Britain.
 */
final class GeoGrid {

	private static final double MILES_PER_DEGREE = Coordinates.EARTH_RADIUS_MILES * Math.PI / 180;

	/** Widens each search a little, so rounding never loses an alert at its very edge. */
	private static final double MARGIN = 1.01;

	/**
	 * Cells are as wide in miles as tall at this latitude (the middle of Great Britain);
	 * elsewhere they are merely narrower or wider.
	 */
	private static final double SQUARE_AT_LATITUDE = 54;

	/** Beyond this longitude difference (radians) the prefilter's bound is not kept. */
	private static final double PREFILTER_MAX_RADIANS = 0.2;

	private final int radiusMiles;

	private final double radiusDegrees;

	private final double rowDegrees;

	private final double columnDegrees;

	private final CellTable cells = new CellTable();

	private final int[] alertsPerBucket = new int[RoleBuckets.BUCKETS];

	GeoGrid(int radiusMiles) {
		this.radiusMiles = radiusMiles;
		this.radiusDegrees = radiusMiles / MILES_PER_DEGREE;
		this.rowDegrees = this.radiusDegrees / 2;
		this.columnDegrees = this.rowDegrees / Math.cos(Math.toRadians(SQUARE_AT_LATITUDE));
	}

	int radiusMiles() {
		return this.radiusMiles;
	}

	void add(Entry entry, int roleMask, double latitude, double longitude) {
		int row = row(latitude);
		int column = column(longitude);
		RoleBuckets.forEachBucketOf(roleMask, (bucket) -> {
			this.cells.getOrCreate(key(row, column, bucket)).add(entry, (float) latitude, (float) longitude);
			this.alertsPerBucket[bucket]++;
		});
	}

	void remove(int slot, int roleMask, double latitude, double longitude) {
		int row = row(latitude);
		int column = column(longitude);
		RoleBuckets.forEachBucketOf(roleMask, (bucket) -> {
			Postings postings = this.cells.get(key(row, column, bucket));
			if (postings != null) {
				postings.remove(slot);
				this.alertsPerBucket[bucket]--;
			}
		});
	}

	/**
	 * Every posting for the role (and for any role) in a cell that meets the circle of
	 * the grid's radius around the point: a superset, the caller measures each distance.
	 */
	void forEachPostingWithin(Role role, double latitude, double longitude, Consumer<Postings> visitor) {
		int roleBucket = RoleBuckets.bucketOf(role);
		boolean roleWanted = this.alertsPerBucket[roleBucket] > 0;
		boolean anyWanted = this.alertsPerBucket[RoleBuckets.ANY_ROLE] > 0;
		if (!roleWanted && !anyWanted) {
			return;
		}
		double reach = this.radiusDegrees * MARGIN;
		double havRadius = hav(Math.toRadians(reach));
		double cosVacancy = Math.cos(Math.toRadians(latitude));
		int toRow = row(latitude + reach);
		for (int row = row(latitude - reach); row <= toRow; row++) {
			double south = row * this.rowDegrees;
			double north = south + this.rowDegrees;
			double nearest = Math.max(0, Math.max(south - latitude, latitude - north));
			double poleward = Math.min(89, Math.max(Math.abs(south), Math.abs(north)));
			double room = (havRadius - hav(Math.toRadians(nearest)))
					/ (cosVacancy * Math.cos(Math.toRadians(poleward)));
			if (room < 0) {
				continue;
			}
			double span = (room < 1) ? Math.toDegrees(2 * Math.asin(Math.sqrt(room))) : 180;
			int toColumn = column(longitude + span);
			for (int column = column(longitude - span); column <= toColumn; column++) {
				if (roleWanted) {
					visit(this.cells.get(key(row, column, roleBucket)), visitor);
				}
				if (anyWanted) {
					visit(this.cells.get(key(row, column, RoleBuckets.ANY_ROLE)), visitor);
				}
			}
		}
	}

	/**
	 * The flat prefilter for a vacancy at this latitude: an alert within the radius has
	 * {@code Δlat² + k·Δlon² ≤ threshold} (degrees), so one beyond it is skipped without
	 * the haversine. Returns {@code {k, threshold}}; an infinite threshold where the
	 * bound does not hold (near the poles).
	 */
	double[] prefilterThreshold(double latitude) {
		double reach = this.radiusDegrees * MARGIN;
		double poleward = Math.min(89, Math.abs(latitude) + reach);
		double k = Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(poleward));
		// the widest span forEachPostingWithin reads, plus a column
		double room = hav(Math.toRadians(reach)) / k;
		double span = (room < 1) ? 2 * Math.asin(Math.sqrt(room)) + Math.toRadians(this.columnDegrees) : Math.PI;
		if (!(span < PREFILTER_MAX_RADIANS) || !(k > 0)) {
			return new double[] { 0, Double.POSITIVE_INFINITY };
		}
		// hav(x) ≥ x²/4 · (1 − x²/12), and x ≤ 0.2 here: the bound loses under 0.4%
		return new double[] { k, this.radiusDegrees * this.radiusDegrees / 0.99 };
	}

	private static void visit(Postings postings, Consumer<Postings> visitor) {
		if (postings != null && !postings.isEmpty()) {
			visitor.accept(postings);
		}
	}

	private static double hav(double radians) {
		double half = Math.sin(radians / 2);
		return half * half;
	}

	private int row(double latitude) {
		return (int) Math.floor(latitude / this.rowDegrees);
	}

	private int column(double longitude) {
		return (int) Math.floor(longitude / this.columnDegrees);
	}

	private static long key(int row, int column, int bucket) {
		return ((long) row << 32) | ((column & 0xFFFFFFL) << 8) | bucket;
	}

	/** What a posting entry carries of an alert. */
	record Entry(int slot, int filters, int minSalary, long specialties, int singleWord) {
	}

}

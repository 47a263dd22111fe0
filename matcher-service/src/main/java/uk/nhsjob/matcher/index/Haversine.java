package uk.nhsjob.matcher.index;

import uk.nhsjob.platform.postcode.Coordinates;

/**
 * The great-circle distance of {@link Coordinates#miles}, to the same answer, without its
 * slowest step: {@code Math.asin} (a native call on Java 17) is replaced, for the short
 * distances alerts reach, by its Taylor series, which agrees with it to within a few
 * units in the last place. The two can then differ on a comparison only when the distance
 * lies a hair's breadth from the radius or from a rounding boundary; there,
 * {@link Coordinates#miles} itself decides.
 */
final class Haversine {

	/** Beyond this {@code sin(θ/2)} (about 158 miles) the series is not used. */
	private static final double SERIES_LIMIT = 0.02;

	/** Far wider than the series' error (below 1e-12 of a mile), far below a tenth. */
	private static final double BOUNDARY = 1e-7;

	private Haversine() {
	}

	/**
	 * Miles from the alert's centre to the vacancy rounded to a tenth, as AlertCriteria
	 * reports them; or -1 when beyond the radius.
	 */
	static double roundedMilesWithin(double alertLatitude, double alertLongitude, double vacancyLatitude,
			double vacancyLongitude, int radiusMiles) {
		// the same steps as Coordinates.miles up to the square root
		double lat1 = Math.toRadians(alertLatitude);
		double lat2 = Math.toRadians(vacancyLatitude);
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(vacancyLongitude - alertLongitude);
		double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
		double s = Math.min(1.0, Math.sqrt(a));
		double miles;
		if (s < SERIES_LIMIT) {
			double s2 = s * s;
			double asin = s * (1 + s2 * (1.0 / 6 + s2 * (3.0 / 40 + s2 * (5.0 / 112))));
			miles = 2 * Coordinates.EARTH_RADIUS_MILES * asin;
			double tenths = miles * 10;
			boolean nearRadius = Math.abs(miles - radiusMiles) < BOUNDARY;
			boolean nearRounding = Math.abs(tenths - Math.floor(tenths) - 0.5) < BOUNDARY;
			if (nearRadius || nearRounding) {
				miles = Coordinates.miles(alertLatitude, alertLongitude, vacancyLatitude, vacancyLongitude);
			}
		}
		else {
			miles = Coordinates.miles(alertLatitude, alertLongitude, vacancyLatitude, vacancyLongitude);
		}
		return (miles <= radiusMiles) ? Math.round(miles * 10) / 10.0 : -1;
	}

}

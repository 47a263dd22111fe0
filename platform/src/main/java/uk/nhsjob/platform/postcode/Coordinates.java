package uk.nhsjob.platform.postcode;

/**
 * A point on the Earth in degrees (WGS84).
 */
public record Coordinates(double latitude, double longitude) {

	/** Mean radius of the Earth in statute miles. */
	public static final double EARTH_RADIUS_MILES = 3958.7613;

	/** Great-circle (haversine) distance in miles. */
	public double milesTo(Coordinates other) {
		return miles(this.latitude, this.longitude, other.latitude, other.longitude);
	}

	/** Great-circle (haversine) distance in miles between two points in degrees. */
	public static double miles(double latitude1, double longitude1, double latitude2, double longitude2) {
		double lat1 = Math.toRadians(latitude1);
		double lat2 = Math.toRadians(latitude2);
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(longitude2 - longitude1);
		double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1.0, Math.sqrt(a)));
	}

}

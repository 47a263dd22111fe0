package uk.nhsjob.platform.postcode;

/**
 * A point on the Earth in degrees (WGS84).
 */
public record Coordinates(double latitude, double longitude) {

	/** Mean radius of the Earth in statute miles. */
	public static final double EARTH_RADIUS_MILES = 3958.7613;

	/** Great-circle (haversine) distance in miles. */
	public double milesTo(Coordinates other) {
		double lat1 = Math.toRadians(this.latitude);
		double lat2 = Math.toRadians(other.latitude);
		double dLat = lat2 - lat1;
		double dLon = Math.toRadians(other.longitude - this.longitude);
		double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1.0, Math.sqrt(a)));
	}

}

package uk.nhsjob.matcher.index;

import java.util.Random;

import org.junit.jupiter.api.Test;

import uk.nhsjob.platform.postcode.Coordinates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index's distance against {@link Coordinates#miles}, which the plain scan uses: the
 * same decision at the radius and the same tenth of a mile, including where the exact
 * distance is a hair from either boundary.
 */
class HaversineTests {

	@Test
	void agreesWithCoordinatesOnRandomPairsAcrossGreatBritain() {
		Random random = new Random(20261125L);
		for (int i = 0; i < 200_000; i++) {
			double latitude1 = 50 + random.nextDouble() * 9;
			double longitude1 = -6 + random.nextDouble() * 8;
			double latitude2 = latitude1 + (random.nextDouble() - 0.5) * 3;
			double longitude2 = longitude1 + (random.nextDouble() - 0.5) * 5;
			int radius = 1 + random.nextInt(100);
			assertAgreement(latitude1, longitude1, latitude2, longitude2, radius);
		}
	}

	@Test
	void agreesRightAtTheRadiusAndAtEveryRoundingBoundary() {
		Random random = new Random(7L);
		for (int i = 0; i < 20_000; i++) {
			double latitude = 50 + random.nextDouble() * 9;
			double longitude = -6 + random.nextDouble() * 8;
			int radius = 1 + random.nextInt(100);
			// the radius exactly, or a rounding boundary (x.x5 miles), ± a few ulps
			double miles = random.nextBoolean() ? radius : (random.nextInt(radius * 10) + 0.5) / 10;
			double[] point = destination(latitude, longitude, random.nextDouble() * 2 * Math.PI,
					Math.nextUp(miles) + (random.nextInt(5) - 2) * Math.ulp(miles));
			assertAgreement(latitude, longitude, point[0], point[1], radius);
		}
	}

	@Test
	void measuresLongDistancesTheSlowWay() {
		assertAgreement(50.1, -5.5, 58.6, -3.0, 100);
		double exact = Coordinates.miles(50.1, -5.5, 58.6, -3.0);
		assertThat(Haversine.roundedMilesWithin(50.1, -5.5, 58.6, -3.0, 100)).isEqualTo(-1);
		assertThat(exact).isGreaterThan(500);
	}

	private static void assertAgreement(double latitude1, double longitude1, double latitude2, double longitude2,
			int radius) {
		double exact = Coordinates.miles(latitude1, longitude1, latitude2, longitude2);
		double expected = (exact <= radius) ? Math.round(exact * 10) / 10.0 : -1;
		assertThat(Haversine.roundedMilesWithin(latitude1, longitude1, latitude2, longitude2, radius))
			.as("%s,%s to %s,%s within %d miles (exactly %s)", latitude1, longitude1, latitude2, longitude2, radius,
					exact)
			.isEqualTo(expected);
	}

	/** The point this many miles away on this bearing (radians) on the sphere. */
	static double[] destination(double latitude, double longitude, double bearing, double miles) {
		double angle = miles / Coordinates.EARTH_RADIUS_MILES;
		double phi1 = Math.toRadians(latitude);
		double phi2 = Math
			.asin(Math.sin(phi1) * Math.cos(angle) + Math.cos(phi1) * Math.sin(angle) * Math.cos(bearing));
		double lambda2 = Math.toRadians(longitude) + Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(phi1),
				Math.cos(angle) - Math.sin(phi1) * Math.sin(phi2));
		return new double[] { Math.toDegrees(phi2), Math.toDegrees(lambda2) };
	}

}

package uk.nhsjob.matcher.index;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.platform.postcode.Coordinates;
import uk.nhsjob.platform.postcode.Postcode;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * An alert's criteria ready to test vacancies against: the criterion rules of
 * docs/matching.md. Whether the vacancy is open and the alert active is not its business.
 */
final class AlertCriteria {

	private final Criteria criteria;

	/** The centroid of the alert's postcode; null when it has none, or it is unknown. */
	private final @Nullable Coordinates centre;

	private final KeywordQuery keywords;

	private AlertCriteria(Criteria criteria, @Nullable Coordinates centre, KeywordQuery keywords) {
		this.criteria = criteria;
		this.centre = centre;
		this.keywords = keywords;
	}

	/** Criteria in their stored form ({@link Criteria#normalised()}). */
	static AlertCriteria of(Criteria criteria, PostcodeDirectory postcodes) {
		Coordinates centre = Postcode.parse(criteria.postcode()).flatMap(postcodes::locate).orElse(null);
		return new AlertCriteria(criteria, centre, KeywordQuery.parse(criteria.keywords()));
	}

	boolean matches(Vacancy vacancy) {
		return isAnyOrIn(this.criteria.roles(), vacancy.role())
				&& isAnyOrIn(this.criteria.contractTypes(), vacancy.contractType())
				&& isAnyOrIn(this.criteria.employerTypes(), vacancy.employerType()) && bandsOverlap(vacancy)
				&& isWithinReach(vacancy) && isAnyOrShared(this.criteria.workingPatterns(), vacancy.workingPatterns())
				&& isAnyOrShared(this.criteria.specialties(), vacancy.specialties()) && paysEnough(vacancy)
				&& this.keywords.matches(vacancy.title(), vacancy.description());
	}

	/**
	 * Miles from the alert's postcode to the vacancy, to one decimal place; null when the
	 * alert has no postcode or the vacancy is remote or has no location.
	 */
	@Nullable Double distanceMiles(Vacancy vacancy) {
		if (this.centre == null || vacancy.remote() == RemoteWorking.REMOTE || !vacancy.hasLocation()) {
			return null;
		}
		return Math.round(milesTo(this.centre, vacancy) * 10) / 10.0;
	}

	/** A vacancy without any band (none stated, no salary) is not excluded. */
	private boolean bandsOverlap(Vacancy vacancy) {
		Band low = (vacancy.bandMin() != null) ? vacancy.bandMin() : vacancy.bandMax();
		Band high = (vacancy.bandMax() != null) ? vacancy.bandMax() : vacancy.bandMin();
		if (low == null || high == null) {
			return true;
		}
		return (this.criteria.bandMax() == null || low.rank() <= this.criteria.bandMax().rank())
				&& (this.criteria.bandMin() == null || high.rank() >= this.criteria.bandMin().rank());
	}

	/**
	 * An alert without a postcode places no limit. A remote vacancy reaches a located
	 * alert only when the alert includes remote work; any other vacancy must have a
	 * location within the radius (a hybrid one is located like an on-site one).
	 */
	private boolean isWithinReach(Vacancy vacancy) {
		if (this.criteria.postcode() == null) {
			return true;
		}
		if (vacancy.remote() == RemoteWorking.REMOTE) {
			return Boolean.TRUE.equals(this.criteria.includeRemote());
		}
		if (this.centre == null || !vacancy.hasLocation()) {
			return false;
		}
		int radius = (this.criteria.radiusMiles() != null) ? this.criteria.radiusMiles()
				: Criteria.DEFAULT_RADIUS_MILES;
		return milesTo(this.centre, vacancy) <= radius;
	}

	/**
	 * The vacancy's annual full-time maximum (its minimum when it states only that); a
	 * vacancy with no salary is not excluded.
	 */
	private boolean paysEnough(Vacancy vacancy) {
		Integer top = (vacancy.salaryMaxAnnual() != null) ? vacancy.salaryMaxAnnual() : vacancy.salaryMinAnnual();
		return this.criteria.minSalary() == null || top == null || top >= this.criteria.minSalary();
	}

	private static <T> boolean isAnyOrIn(List<T> wanted, @Nullable T value) {
		return wanted.isEmpty() || (value != null && wanted.contains(value));
	}

	private static <T> boolean isAnyOrShared(List<T> wanted, Collection<T> values) {
		return wanted.isEmpty() || values.stream().anyMatch(wanted::contains);
	}

	/** Only for a vacancy that {@link Vacancy#hasLocation() has a location}. */
	private static double milesTo(Coordinates centre, Vacancy vacancy) {
		return centre.milesTo(new Coordinates(vacancy.latitude(), vacancy.longitude()));
	}

}

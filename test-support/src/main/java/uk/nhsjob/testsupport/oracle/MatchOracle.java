package uk.nhsjob.testsupport.oracle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.RemoteWorking;

/**
 * Which vacancy goes to which alert, from the rules of docs/matching.md alone; it shares
 * no class with the matcher. What it models:
 * <ul>
 * <li>a vacancy matches when it is open at its publication, its closing date is that day
 * (in Europe/London) or later, the alert is {@code ACTIVE}, and every criterion holds:
 * roles, contract types and employer types contain the vacancy's value; the band ranges
 * overlap (a vacancy with no band is not excluded); the great-circle distance between the
 * two postcodes' centroids ({@link Centroids}) is at most the radius (10 when not given),
 * a {@code REMOTE} vacancy matching a located alert only when it includes remote ones and
 * a {@code HYBRID} one being located like an on-site one, a vacancy with no location
 * being excluded, and an alert without a postcode placing no limit; working patterns and
 * specialties share a value; the annual full-time maximum ({@link Pay}) is at least the
 * minimum salary (a vacancy with no salary is not excluded); the {@link Keywords} hold;
 * <li>only vacancies published after the alert became active are sent, each at most once
 * whatever its later revisions, and a revision that newly matches is sent then;
 * <li>a match is made at the moment its vacancy is published (the services take seconds;
 * tests leave minutes of clock time between the windows that {@link EmailOracle} cuts).
 * </ul>
 * Not modelled (yet): normalisation beyond the annual pay (tests state each vacancy's
 * band, specialties, remote working and postcode as docs/normalisation.md derives them),
 * the welcome set, alerts that change status part-way. Duplicates across sources are
 * modelled apart ({@link #oncePerJob}): the test says which vacancies are copies of one
 * job.
 */
public final class MatchOracle {

	/** "Today" for closing dates. */
	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final Centroids centroids;

	public MatchOracle(Centroids centroids) {
		this.centroids = centroids;
	}

	/**
	 * The matches of these publications, in the order they were made.
	 * @param closedAt when a vacancy was closed, for those that were
	 */
	public List<Match> matches(Collection<Subscription> alerts, Collection<Publication> publications,
			Map<String, Instant> closedAt) {
		List<Publication> inOrder = publications.stream().sorted(Comparator.comparing(Publication::at)).toList();
		Set<Pair> sent = new HashSet<>();
		List<Match> matches = new ArrayList<>();
		for (Publication publication : inOrder) {
			Instant closed = closedAt.get(publication.posting().id());
			if (closed != null && !closed.isAfter(publication.at())) {
				continue;
			}
			LocalDate today = LocalDate.ofInstant(publication.at(), LONDON);
			for (Subscription alert : alerts) {
				if (publication.at().isAfter(alert.activeSince()) && matches(alert, publication.posting(), today)) {
					Match match = new Match(alert, publication.posting(), publication.at());
					if (sent.add(match.pair())) {
						matches.add(match);
					}
				}
			}
		}
		return matches;
	}

	/**
	 * What an alert is owed when some vacancies are copies of one job (docs/matching.md):
	 * the first match of each (alert, job), whichever copy made it; the later copies'
	 * matches are left out.
	 * @param matches as {@link #matches} made them, in their order
	 * @param jobOf the job of a vacancy id: the first copy's id for every copy of one
	 * job, a vacancy's own id otherwise
	 */
	public static List<Match> oncePerJob(List<Match> matches, Function<String, String> jobOf) {
		Set<Pair> owed = new HashSet<>();
		List<Match> once = new ArrayList<>();
		for (Match match : matches) {
			if (owed.add(new Pair(match.subscription().alertId(), jobOf.apply(match.posting().id())))) {
				once.add(match);
			}
		}
		return once;
	}

	/** The (alert, vacancy) pairs of these matches. */
	public static Set<Pair> pairsOf(Collection<Match> matches) {
		Set<Pair> pairs = new LinkedHashSet<>();
		matches.forEach((match) -> pairs.add(match.pair()));
		return pairs;
	}

	/** Whether the vacancy, open, matches the alert on the day given. */
	public boolean matches(Subscription alert, Posting vacancy, LocalDate today) {
		AlertCriteria wanted = alert.criteria();
		return alert.status() == AlertStatus.ACTIVE && !vacancy.closingDate().isBefore(today)
				&& (wanted.roles().isEmpty() || (vacancy.role() != null && wanted.roles().contains(vacancy.role())))
				&& (wanted.contractTypes().isEmpty()
						|| (vacancy.contractType() != null && wanted.contractTypes().contains(vacancy.contractType())))
				&& (wanted.employerTypes().isEmpty() || wanted.employerTypes().contains(vacancy.employerType()))
				&& bandsOverlap(wanted, vacancy) && isWithinReach(wanted, vacancy)
				&& sharesAny(wanted.workingPatterns(), vacancy.workingPatterns())
				&& sharesAny(wanted.specialties(), vacancy.specialties()) && paysEnough(wanted, vacancy)
				&& (wanted.keywords() == null
						|| Keywords.parse(wanted.keywords()).test(vacancy.title(), vacancy.description()));
	}

	private static boolean bandsOverlap(AlertCriteria wanted, Posting vacancy) {
		if (vacancy.bandMin() == null && vacancy.bandMax() == null) {
			return true;
		}
		Band low = (vacancy.bandMin() != null) ? vacancy.bandMin() : vacancy.bandMax();
		Band high = (vacancy.bandMax() != null) ? vacancy.bandMax() : vacancy.bandMin();
		boolean aboveMinimum = wanted.bandMin() == null || high.compareTo(wanted.bandMin()) >= 0;
		boolean belowMaximum = wanted.bandMax() == null || low.compareTo(wanted.bandMax()) <= 0;
		return aboveMinimum && belowMaximum;
	}

	private boolean isWithinReach(AlertCriteria wanted, Posting vacancy) {
		if (wanted.postcode() == null) {
			return true;
		}
		if (vacancy.remote() == RemoteWorking.REMOTE) {
			return wanted.includeRemote();
		}
		if (vacancy.postcode() == null) {
			return false;
		}
		OptionalDouble miles = this.centroids.milesBetween(wanted.postcode(), vacancy.postcode());
		int radius = (wanted.radiusMiles() != null) ? wanted.radiusMiles() : AlertCriteria.DEFAULT_RADIUS_MILES;
		return miles.isPresent() && miles.getAsDouble() <= radius;
	}

	private static <T> boolean sharesAny(Set<T> wanted, Set<T> offered) {
		return wanted.isEmpty() || offered.stream().anyMatch(wanted::contains);
	}

	private static boolean paysEnough(AlertCriteria wanted, Posting vacancy) {
		return wanted.minSalary() == null || vacancy.pay() == null
				|| vacancy.pay().annualFullTimeMaximum() >= wanted.minSalary();
	}

}

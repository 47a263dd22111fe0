package uk.nhsjob.benchmarks.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.Band;
import uk.nhsjob.common.vocabulary.RemoteWorking;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.index.MatchIndex.IndexMatch;
import uk.nhsjob.matcher.index.MatchRules;
import uk.nhsjob.platform.postcode.Coordinates;
import uk.nhsjob.platform.postcode.Postcode;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * The matching rules of docs/matching.md on Apache Lucene Monitor, set up at its best for
 * this workload: each alert a {@link MonitorQuery} whose query is a BooleanQuery of its
 * criteria, each vacancy a Document, and {@link MultipassTermFilteredPresearcher} with
 * three passes and field weights that make it index each query under its most selective
 * terms (place, then role, then specialty). Place is a disjunction of grid-cell terms
 * covering the alert's circle (cells about as tall as the radius), so the exact distance
 * is checked on what the monitor returns. The minimum salary is a point range; keywords
 * are terms and phrases over the text split by the index's word rule.
 */
final class LuceneMonitorAlerts implements AutoCloseable {

	private static final double MILES_PER_DEGREE = Coordinates.EARTH_RADIUS_MILES * Math.PI / 180;

	/**
	 * Cell heights in miles, one level per size: an alert takes the largest cell no
	 * taller than its radius (of cells a third, a half, one and two radii tall, one was
	 * the fastest here: 124 vacancies/s, against 88 for a third).
	 */
	private static final double[] CELL_MILES = { 0.5, 1, 2, 4, 8, 16, 32, 64 };

	private static final double MARGIN = 1.01;

	private static final String NOWHERE = "nowhere";

	private static final String REMOTE = "remote";

	private static final String NONE = "none";

	private final PostcodeDirectory postcodes;

	private final Monitor monitor;

	/** Where each located alert reaches: the exact check on the monitor's candidates. */
	private final Map<String, Circle> circles = new HashMap<>();

	LuceneMonitorAlerts(PostcodeDirectory postcodes) {
		this.postcodes = postcodes;
		TermWeightor weights = TermWeightor.combine(TermWeightor.fieldWeightor(100, "place"),
				TermWeightor.fieldWeightor(20, "role"), TermWeightor.fieldWeightor(5, "specialty"),
				TermWeightor.fieldWeightor(2, "title", "description"),
				TermWeightor.fieldWeightor(0.1, "band", "pattern", "contract", "employer", "salaryNone"));
		try {
			this.monitor = new Monitor(new WhitespaceAnalyzer(),
					new MultipassTermFilteredPresearcher(3, 0, weights, List.of(), Set.of()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void putAll(Map<String, Criteria> alerts) {
		List<MonitorQuery> queries = new ArrayList<>(alerts.size());
		alerts.forEach((id, criteria) -> queries.add(new MonitorQuery(id, queryOf(id, criteria))));
		try {
			for (int from = 0; from < queries.size(); from += 10_000) {
				this.monitor.register(queries.subList(from, Math.min(queries.size(), from + 10_000)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Set<IndexMatch> matches(Vacancy vacancy) {
		MatchingQueries<QueryMatch> found;
		try {
			found = this.monitor.match(documentOf(vacancy), QueryMatch.SIMPLE_MATCHER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!found.getErrors().isEmpty()) {
			throw new IllegalStateException("Lucene Monitor failed on queries: " + found.getErrors());
		}
		boolean located = vacancy.remote() != RemoteWorking.REMOTE && vacancy.hasLocation();
		Set<IndexMatch> matches = new HashSet<>();
		for (QueryMatch match : found.getMatches()) {
			Circle circle = this.circles.get(match.getQueryId());
			if (circle == null || !located) {
				matches.add(new IndexMatch(match.getQueryId(), null));
				continue;
			}
			double miles = Coordinates.miles(circle.latitude(), circle.longitude(), vacancy.latitude(),
					vacancy.longitude());
			if (miles <= circle.radiusMiles()) {
				matches.add(new IndexMatch(match.getQueryId(), Math.round(miles * 10) / 10.0));
			}
		}
		return matches;
	}

	@Override
	public void close() throws IOException {
		this.monitor.close();
	}

	private Query queryOf(String id, Criteria criteria) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		anyOf(query, "role", criteria.roles().stream().map(Enum::name).toList());
		anyOf(query, "contract", criteria.contractTypes().stream().map(Enum::name).toList());
		anyOf(query, "employer", criteria.employerTypes().stream().map(Enum::name).toList());
		anyOf(query, "pattern", criteria.workingPatterns().stream().map(Enum::name).toList());
		anyOf(query, "specialty", criteria.specialties().stream().map(Enum::name).toList());
		if (criteria.bandMin() != null || criteria.bandMax() != null) {
			int low = (criteria.bandMin() != null) ? criteria.bandMin().rank() : 0;
			int high = (criteria.bandMax() != null) ? criteria.bandMax().rank() : Band.values().length - 1;
			List<String> bands = new ArrayList<>();
			bands.add(NONE);
			for (int rank = low; rank <= high; rank++) {
				bands.add(Band.values()[rank].name());
			}
			anyOf(query, "band", bands);
		}
		if (criteria.minSalary() != null) {
			query.add(new BooleanQuery.Builder()
				.add(IntPoint.newRangeQuery("salary", criteria.minSalary(), Integer.MAX_VALUE), Occur.SHOULD)
				.add(new TermQuery(new Term("salaryNone", NONE)), Occur.SHOULD)
				.build(), Occur.MUST);
		}
		if (criteria.postcode() != null) {
			query.add(placeOf(id, criteria), Occur.MUST);
		}
		MatchRules.Keywords keywords = MatchRules.keywords(criteria.keywords());
		for (List<String> phrase : keywords.required()) {
			query.add(inTitleOrDescription(phrase), Occur.MUST);
		}
		for (List<String> phrase : keywords.excluded()) {
			query.add(inTitleOrDescription(phrase), Occur.MUST_NOT);
		}
		BooleanQuery built = query.build();
		boolean onlyExclusions = built.clauses().stream().allMatch((clause) -> clause.getOccur() == Occur.MUST_NOT);
		return onlyExclusions ? query.add(new MatchAllDocsQuery(), Occur.MUST).build() : built;
	}

	private Query placeOf(String id, Criteria criteria) {
		BooleanQuery.Builder place = new BooleanQuery.Builder();
		Coordinates centre = Postcode.parse(criteria.postcode()).flatMap(this.postcodes::locate).orElse(null);
		if (centre != null) {
			int radius = MatchRules.radiusMiles(criteria);
			this.circles.put(id, new Circle(centre.latitude(), centre.longitude(), radius));
			for (String cell : cellsCovering(centre, radius)) {
				place.add(new TermQuery(new Term("place", cell)), Occur.SHOULD);
			}
		}
		if (Boolean.TRUE.equals(criteria.includeRemote())) {
			place.add(new TermQuery(new Term("place", REMOTE)), Occur.SHOULD);
		}
		BooleanQuery built = place.build();
		return built.clauses().isEmpty() ? new TermQuery(new Term("place", NOWHERE)) : built;
	}

	private static Document documentOf(Vacancy vacancy) {
		Document document = new Document();
		document.add(new StringField("role", vacancy.role().name(), Field.Store.NO));
		if (vacancy.contractType() != null) {
			document.add(new StringField("contract", vacancy.contractType().name(), Field.Store.NO));
		}
		document.add(new StringField("employer", vacancy.employerType().name(), Field.Store.NO));
		vacancy.workingPatterns()
			.forEach((pattern) -> document.add(new StringField("pattern", pattern.name(), Field.Store.NO)));
		vacancy.specialties()
			.forEach((specialty) -> document.add(new StringField("specialty", specialty.name(), Field.Store.NO)));
		Band low = (vacancy.bandMin() != null) ? vacancy.bandMin() : vacancy.bandMax();
		Band high = (vacancy.bandMax() != null) ? vacancy.bandMax() : vacancy.bandMin();
		if (low == null || high == null) {
			document.add(new StringField("band", NONE, Field.Store.NO));
		}
		else {
			for (int rank = low.rank(); rank <= high.rank(); rank++) {
				document.add(new StringField("band", Band.values()[rank].name(), Field.Store.NO));
			}
		}
		Integer top = (vacancy.salaryMaxAnnual() != null) ? vacancy.salaryMaxAnnual() : vacancy.salaryMinAnnual();
		if (top != null) {
			document.add(new IntPoint("salary", top));
		}
		else {
			document.add(new StringField("salaryNone", NONE, Field.Store.NO));
		}
		if (vacancy.remote() == RemoteWorking.REMOTE) {
			document.add(new StringField("place", REMOTE, Field.Store.NO));
		}
		else if (vacancy.hasLocation()) {
			for (int level = 0; level < CELL_MILES.length; level++) {
				document.add(
						new StringField("place", cell(level, vacancy.latitude(), vacancy.longitude()), Field.Store.NO));
			}
		}
		document.add(new TextField("title", wordsOf(vacancy.title()), Field.Store.NO));
		document.add(new TextField("description", wordsOf(vacancy.description()), Field.Store.NO));
		return document;
	}

	/**
	 * The text split into words as docs/matching.md says, one space between them: the
	 * whitespace analyzer's input.
	 */
	private static String wordsOf(@Nullable String text) {
		return (text != null) ? String.join(" ", MatchRules.words(text)) : "";
	}

	private static Query inTitleOrDescription(List<String> phrase) {
		return new BooleanQuery.Builder().add(phraseIn("title", phrase), Occur.SHOULD)
			.add(phraseIn("description", phrase), Occur.SHOULD)
			.build();
	}

	private static Query phraseIn(String field, List<String> words) {
		return (words.size() == 1) ? new TermQuery(new Term(field, words.get(0)))
				: new PhraseQuery(field, words.toArray(String[]::new));
	}

	private static void anyOf(BooleanQuery.Builder query, String field, List<String> values) {
		if (values.isEmpty()) {
			return;
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		values.forEach((value) -> any.add(new TermQuery(new Term(field, value)), Occur.SHOULD));
		query.add(any.build(), Occur.MUST);
	}

	/**
	 * The cells of the alert's level that meet the circle: by the haversine bound of
	 * match index's grid, a superset of the circle.
	 */
	static List<String> cellsCovering(Coordinates centre, int radiusMiles) {
		int level = 0;
		while (level + 1 < CELL_MILES.length && CELL_MILES[level + 1] <= radiusMiles) {
			level++;
		}
		double rowDegrees = CELL_MILES[level] / MILES_PER_DEGREE;
		double columnDegrees = columnDegrees(rowDegrees);
		double reach = radiusMiles * MARGIN / MILES_PER_DEGREE;
		double havRadius = hav(Math.toRadians(reach));
		double cosCentre = Math.cos(Math.toRadians(centre.latitude()));
		List<String> cells = new ArrayList<>();
		int toRow = (int) Math.floor((centre.latitude() + reach) / rowDegrees);
		for (int row = (int) Math.floor((centre.latitude() - reach) / rowDegrees); row <= toRow; row++) {
			double south = row * rowDegrees;
			double north = south + rowDegrees;
			double nearest = Math.max(0, Math.max(south - centre.latitude(), centre.latitude() - north));
			double poleward = Math.min(89, Math.max(Math.abs(south), Math.abs(north)));
			double room = (havRadius - hav(Math.toRadians(nearest))) / (cosCentre * Math.cos(Math.toRadians(poleward)));
			if (room < 0) {
				continue;
			}
			double span = (room < 1) ? Math.toDegrees(2 * Math.asin(Math.sqrt(room))) : 180;
			int toColumn = (int) Math.floor((centre.longitude() + span) / columnDegrees);
			for (int column = (int) Math
				.floor((centre.longitude() - span) / columnDegrees); column <= toColumn; column++) {
				cells.add(level + ":" + row + ":" + column);
			}
		}
		return cells;
	}

	private static String cell(int level, double latitude, double longitude) {
		double rowDegrees = CELL_MILES[level] / MILES_PER_DEGREE;
		return level + ":" + (int) Math.floor(latitude / rowDegrees) + ":"
				+ (int) Math.floor(longitude / columnDegrees(rowDegrees));
	}

	private static double columnDegrees(double rowDegrees) {
		return rowDegrees / Math.cos(Math.toRadians(54));
	}

	private static double hav(double radians) {
		double half = Math.sin(radians / 2);
		return half * half;
	}

	private record Circle(double latitude, double longitude, int radiusMiles) {
	}

}

package uk.nhsjob.matcher.index;

import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.matcher.alert.Criteria;

/**
 * The pieces of the matching rules that another engine must share to agree with the index
 * (the benchmarks' Lucene Monitor comparison does): how text splits into words, how an
 * alert's keywords parse into phrases, and how far an alert reaches.
 */
public final class MatchRules {

	private MatchRules() {
	}

	/** The text's words, lower-cased, in order: runs of letters and digits. */
	public static List<String> words(String text) {
		return Words.split(text);
	}

	/** An alert's keywords as phrases of words: all required ones, no excluded one. */
	public static Keywords keywords(@Nullable String keywords) {
		KeywordQuery query = KeywordQuery.parse(keywords);
		return new Keywords(query.required(), query.excluded());
	}

	/**
	 * The alert's radius in miles: 1 to 100 for an alert with a postcode, 0 without.
	 * @throws IllegalArgumentException for a radius out of that range
	 */
	public static int radiusMiles(Criteria criteria) {
		return CompiledAlerts.radiusOf(criteria);
	}

	/**
	 * @param required phrases each of which the title or description must contain
	 * @param excluded phrases none of which they may contain
	 */
	public record Keywords(List<List<String>> required, List<List<String>> excluded) {

		public boolean isEmpty() {
			return this.required.isEmpty() && this.excluded.isEmpty();
		}

	}

}

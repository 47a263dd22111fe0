package uk.nhsjob.matcher.matching;

import java.util.List;

/**
 * A {@link KeywordQuery} with its words as {@link WordIds} numbers: the same test, on
 * arrays of ints against a vacancy's {@link VacancyWords}.
 */
final class CompiledKeywords {

	private static final int[][] NONE = new int[0][];

	private final int[][] required;

	private final int[][] excluded;

	private CompiledKeywords(int[][] required, int[][] excluded) {
		this.required = required;
		this.excluded = excluded;
	}

	/** Takes a use of each of the query's words. */
	static CompiledKeywords of(KeywordQuery query, WordIds words) {
		return new CompiledKeywords(ids(query.required(), words), ids(query.excluded(), words));
	}

	/** Gives back the uses {@link #of} took. */
	void release(WordIds words) {
		release(this.required, words);
		release(this.excluded, words);
	}

	/**
	 * The word when the query is one required word and nothing else; else
	 * {@link WordIds#UNKNOWN}.
	 */
	int singleRequiredWord() {
		boolean single = this.required.length == 1 && this.required[0].length == 1 && this.excluded.length == 0;
		return single ? this.required[0][0] : WordIds.UNKNOWN;
	}

	boolean matches(VacancyWords text) {
		for (int[] phrase : this.required) {
			if (!text.contains(phrase)) {
				return false;
			}
		}
		for (int[] phrase : this.excluded) {
			if (text.contains(phrase)) {
				return false;
			}
		}
		return true;
	}

	private static int[][] ids(List<List<String>> phrases, WordIds words) {
		if (phrases.isEmpty()) {
			return NONE;
		}
		int[][] ids = new int[phrases.size()][];
		for (int i = 0; i < ids.length; i++) {
			List<String> phrase = phrases.get(i);
			ids[i] = new int[phrase.size()];
			for (int j = 0; j < phrase.size(); j++) {
				ids[i][j] = words.acquire(phrase.get(j));
			}
		}
		return ids;
	}

	private static void release(int[][] phrases, WordIds words) {
		for (int[] phrase : phrases) {
			for (int id : phrase) {
				words.release(id);
			}
		}
	}

}

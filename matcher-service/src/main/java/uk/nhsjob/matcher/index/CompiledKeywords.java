package uk.nhsjob.matcher.index;

import java.util.List;

/**
 * A {@link KeywordQuery} with its words as {@link WordIds} numbers, flat in one int array
 * (one object to reach from an alert's slot, not four): the count of required phrases,
 * the count of excluded ones, then each phrase as its length and its words. The same
 * test, on ints, against a vacancy's {@link VacancyWords}.
 */
final class CompiledKeywords {

	private CompiledKeywords() {
	}

	/** Takes a use of each of the query's words. */
	static int[] of(KeywordQuery query, WordIds words) {
		int length = 2;
		for (List<String> phrase : query.required()) {
			length += 1 + phrase.size();
		}
		for (List<String> phrase : query.excluded()) {
			length += 1 + phrase.size();
		}
		int[] compiled = new int[length];
		compiled[0] = query.required().size();
		compiled[1] = query.excluded().size();
		int at = 2;
		for (List<List<String>> phrases : List.of(query.required(), query.excluded())) {
			for (List<String> phrase : phrases) {
				compiled[at++] = phrase.size();
				for (String word : phrase) {
					compiled[at++] = words.acquire(word);
				}
			}
		}
		return compiled;
	}

	/** Gives back the uses {@link #of} took. */
	static void release(int[] compiled, WordIds words) {
		for (int at = 2; at < compiled.length; at += 1 + compiled[at]) {
			for (int i = 1; i <= compiled[at]; i++) {
				words.release(compiled[at + i]);
			}
		}
	}

	/**
	 * The word when the query is one required word and nothing else; else
	 * {@link WordIds#UNKNOWN}.
	 */
	static int singleRequiredWord(int[] compiled) {
		boolean single = compiled[0] == 1 && compiled[1] == 0 && compiled[2] == 1;
		return single ? compiled[3] : WordIds.UNKNOWN;
	}

	static boolean matches(int[] compiled, VacancyWords text) {
		int required = compiled[0];
		int at = 2;
		for (int phrase = 0; at < compiled.length; phrase++) {
			int length = compiled[at];
			boolean found = text.contains(compiled, at + 1, length);
			if (found != (phrase < required)) {
				return false;
			}
			at += 1 + length;
		}
		return true;
	}

}

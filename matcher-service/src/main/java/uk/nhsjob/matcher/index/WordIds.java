package uk.nhsjob.matcher.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers for the words the index's keyword queries use, counted so that a word no query
 * uses any more is forgotten: comparing numbers is what makes the keyword test cheap.
 */
final class WordIds {

	static final int UNKNOWN = -1;

	/** Per word: its id and how many uses it has. */
	private final Map<String, int[]> byWord = new HashMap<>();

	private final List<String> words = new ArrayList<>();

	private final IntList freeIds = new IntList();

	/** The word's id, counting one more use. */
	int acquire(String word) {
		int[] entry = this.byWord.get(word);
		if (entry == null) {
			int id;
			if (this.freeIds.isEmpty()) {
				id = this.words.size();
				this.words.add(word);
			}
			else {
				id = this.freeIds.get(this.freeIds.size() - 1);
				this.freeIds.remove(id);
				this.words.set(id, word);
			}
			entry = new int[] { id, 0 };
			this.byWord.put(word, entry);
		}
		entry[1]++;
		return entry[0];
	}

	/** One use fewer of the word with this id. */
	void release(int id) {
		String word = this.words.get(id);
		int[] entry = this.byWord.get(word);
		if (--entry[1] == 0) {
			this.byWord.remove(word);
			this.words.set(id, null);
			this.freeIds.add(id);
		}
	}

	/** The word's id, or {@link #UNKNOWN} when no query uses it. */
	int idOf(String word) {
		int[] entry = this.byWord.get(word);
		return (entry != null) ? entry[0] : UNKNOWN;
	}

	/** How many distinct words are in use. */
	int size() {
		return this.byWord.size();
	}

}

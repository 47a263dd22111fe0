package uk.nhsjob.matcher.index;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A vacancy's title and description as {@link WordIds} numbers ({@link WordIds#UNKNOWN}
 * for words no query uses): the words of each text in order, for phrases, and the
 * distinct words of both, sorted, for single words.
 */
final class VacancyWords {

	private final int[] title;

	private final int[] description;

	private final int[] distinct;

	private VacancyWords(int[] title, int[] description) {
		this.title = title;
		this.description = description;
		int[] both = new int[title.length + description.length];
		System.arraycopy(title, 0, both, 0, title.length);
		System.arraycopy(description, 0, both, title.length, description.length);
		this.distinct = Arrays.stream(both).filter((id) -> id != WordIds.UNKNOWN).sorted().distinct().toArray();
	}

	static VacancyWords of(@Nullable String title, @Nullable String description, WordIds words) {
		return new VacancyWords(ids(title, words), ids(description, words));
	}

	boolean containsWord(int word) {
		return Arrays.binarySearch(this.distinct, word) >= 0;
	}

	/**
	 * Whether the phrase ({@code length} words from {@code from} in {@code words})
	 * appears in the title or in the description as consecutive words; a single word
	 * anywhere in either.
	 */
	boolean contains(int[] words, int from, int length) {
		if (length == 1) {
			return containsWord(words[from]);
		}
		return containsInOrder(this.title, words, from, length)
				|| containsInOrder(this.description, words, from, length);
	}

	private static boolean containsInOrder(int[] text, int[] words, int from, int length) {
		for (int start = 0; start + length <= text.length; start++) {
			if (Arrays.equals(text, start, start + length, words, from, from + length)) {
				return true;
			}
		}
		return false;
	}

	private static int[] ids(@Nullable String text, WordIds words) {
		if (text == null) {
			return new int[0];
		}
		List<String> split = Words.split(text);
		int[] ids = new int[split.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = words.idOf(split.get(i));
		}
		return ids;
	}

}

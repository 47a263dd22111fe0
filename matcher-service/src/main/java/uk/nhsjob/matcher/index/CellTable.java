package uk.nhsjob.matcher.index;

/**
 * Postings by a long key (a cell and a role bucket), by open addressing: a lookup costs
 * no boxing and no allocation. Keys are never removed: an emptied posting stays.
 */
final class CellTable {

	private long[] keys = new long[16];

	private Postings[] values = new Postings[16];

	private int size;

	/** The key's postings, or null. */
	Postings get(long key) {
		int mask = this.values.length - 1;
		for (int at = indexOf(key, mask); this.values[at] != null; at = (at + 1) & mask) {
			if (this.keys[at] == key) {
				return this.values[at];
			}
		}
		return null;
	}

	Postings getOrCreate(long key) {
		Postings found = get(key);
		if (found != null) {
			return found;
		}
		if ((this.size + 1) * 2 > this.values.length) {
			grow();
		}
		Postings created = new Postings();
		insert(key, created);
		this.size++;
		return created;
	}

	private void insert(long key, Postings postings) {
		int mask = this.values.length - 1;
		int at = indexOf(key, mask);
		while (this.values[at] != null) {
			at = (at + 1) & mask;
		}
		this.keys[at] = key;
		this.values[at] = postings;
	}

	private void grow() {
		long[] oldKeys = this.keys;
		Postings[] oldValues = this.values;
		this.keys = new long[oldKeys.length * 2];
		this.values = new Postings[oldValues.length * 2];
		for (int i = 0; i < oldValues.length; i++) {
			if (oldValues[i] != null) {
				insert(oldKeys[i], oldValues[i]);
			}
		}
	}

	private static int indexOf(long key, int mask) {
		return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
	}

}

package uk.nhsjob.matcher.index;

import java.util.Arrays;

/**
 * A posting list whose entries carry what the cheap tests need, so that reading a list
 * runs along one int array instead of jumping to each alert's columns: per entry the
 * alert's slot, its {@link AlertFilters packed filters}, its minimum salary, its
 * specialty mask, its centre as floats (for a prefilter only: the exact distance is
 * measured on the alert's doubles) and its keyword when it is a single word.
 */
final class Postings {

	static final int SLOT = 0;

	static final int FILTERS = 1;

	static final int MIN_SALARY = 2;

	static final int SPECIALTIES_LOW = 3;

	static final int SPECIALTIES_HIGH = 4;

	static final int LATITUDE = 5;

	static final int LONGITUDE = 6;

	/** The word when the alert's keywords are one word, else {@link WordIds#UNKNOWN}. */
	static final int SINGLE_WORD = 7;

	/** Ints per entry. */
	static final int STRIDE = 8;

	private int[] entries = new int[STRIDE];

	private int length;

	void add(GeoGrid.Entry entry, float latitude, float longitude) {
		if (this.length == this.entries.length) {
			int count = this.length / STRIDE;
			this.entries = Arrays.copyOf(this.entries, (count + (count >> 1) + 1) * STRIDE);
		}
		int at = this.length;
		this.entries[at + SLOT] = entry.slot();
		this.entries[at + FILTERS] = entry.filters();
		this.entries[at + MIN_SALARY] = entry.minSalary();
		this.entries[at + SPECIALTIES_LOW] = (int) entry.specialties();
		this.entries[at + SPECIALTIES_HIGH] = (int) (entry.specialties() >>> 32);
		this.entries[at + LATITUDE] = Float.floatToRawIntBits(latitude);
		this.entries[at + LONGITUDE] = Float.floatToRawIntBits(longitude);
		this.entries[at + SINGLE_WORD] = entry.singleWord();
		this.length += STRIDE;
	}

	/** Removes the slot's entry, moving the last entry into its place. */
	void remove(int slot) {
		for (int at = 0; at < this.length; at += STRIDE) {
			if (this.entries[at + SLOT] == slot) {
				this.length -= STRIDE;
				System.arraycopy(this.entries, this.length, this.entries, at, STRIDE);
				return;
			}
		}
	}

	/** The entries, {@link #STRIDE} ints each; read only the first {@link #length()}. */
	int[] entries() {
		return this.entries;
	}

	/** Ints in use: {@link #STRIDE} times the number of entries. */
	int length() {
		return this.length;
	}

	boolean isEmpty() {
		return this.length == 0;
	}

}

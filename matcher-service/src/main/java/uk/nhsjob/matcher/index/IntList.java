package uk.nhsjob.matcher.index;

import java.util.Arrays;

/**
 * A growable list of ints without boxing: a posting list of alert slots.
 */
final class IntList {

	private int[] values = new int[4];

	private int size;

	void add(int value) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size + (this.size >> 1) + 1);
		}
		this.values[this.size++] = value;
	}

	/** Removes one occurrence, not keeping the order (postings are unordered). */
	boolean remove(int value) {
		for (int i = 0; i < this.size; i++) {
			if (this.values[i] == value) {
				this.values[i] = this.values[--this.size];
				return true;
			}
		}
		return false;
	}

	int size() {
		return this.size;
	}

	int get(int index) {
		return this.values[index];
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	/** Gives back the spare capacity; for a list that has stopped growing. */
	void trim() {
		if (this.values.length > this.size) {
			this.values = Arrays.copyOf(this.values, Math.max(this.size, 1));
		}
	}

}

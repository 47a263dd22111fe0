package uk.nhsjob.matcher.index;

import java.util.Arrays;
import java.util.UUID;

/**
 * Alert id (a UUID) to its slot in the index, by open addressing over two long arrays: a
 * fifth of the memory of a HashMap of UUIDs to Integers, which counts at a million.
 */
final class AlertIdSlots {

	private static final int FREE = -1;

	private long[] most = new long[16];

	private long[] least = new long[16];

	private int[] slots = filledWithFree(16);

	private int size;

	int get(UUID id) {
		int at = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
		return (at < 0) ? FREE : this.slots[at];
	}

	void put(UUID id, int slot) {
		if ((this.size + 1) * 2 > this.slots.length) {
			grow();
		}
		int at = indexOf(id.getMostSignificantBits(), id.getLeastSignificantBits(), this.slots.length);
		while (this.slots[at] != FREE) {
			if (this.most[at] == id.getMostSignificantBits() && this.least[at] == id.getLeastSignificantBits()) {
				this.slots[at] = slot;
				return;
			}
			at = (at + 1) & (this.slots.length - 1);
		}
		this.most[at] = id.getMostSignificantBits();
		this.least[at] = id.getLeastSignificantBits();
		this.slots[at] = slot;
		this.size++;
	}

	/** Removes the id; backward-shift deletion keeps every probe sequence unbroken. */
	void remove(UUID id) {
		int at = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
		if (at < 0) {
			return;
		}
		int mask = this.slots.length - 1;
		int gap = at;
		for (int next = (gap + 1) & mask; this.slots[next] != FREE; next = (next + 1) & mask) {
			int home = indexOf(this.most[next], this.least[next], this.slots.length);
			// move the entry into the gap when the gap lies between its home and it
			if (((next - home) & mask) >= ((next - gap) & mask)) {
				this.most[gap] = this.most[next];
				this.least[gap] = this.least[next];
				this.slots[gap] = this.slots[next];
				gap = next;
			}
		}
		this.slots[gap] = FREE;
		this.size--;
	}

	int size() {
		return this.size;
	}

	private int find(long msb, long lsb) {
		int mask = this.slots.length - 1;
		for (int at = indexOf(msb, lsb, this.slots.length); this.slots[at] != FREE; at = (at + 1) & mask) {
			if (this.most[at] == msb && this.least[at] == lsb) {
				return at;
			}
		}
		return -1;
	}

	private void grow() {
		long[] oldMost = this.most;
		long[] oldLeast = this.least;
		int[] oldSlots = this.slots;
		int capacity = oldSlots.length * 2;
		this.most = new long[capacity];
		this.least = new long[capacity];
		this.slots = filledWithFree(capacity);
		this.size = 0;
		for (int i = 0; i < oldSlots.length; i++) {
			if (oldSlots[i] != FREE) {
				put(new UUID(oldMost[i], oldLeast[i]), oldSlots[i]);
			}
		}
	}

	private static int indexOf(long msb, long lsb, int capacity) {
		long hash = (msb ^ lsb) * 0x9E3779B97F4A7C15L;
		return (int) (hash >>> 32) & (capacity - 1);
	}

	private static int[] filledWithFree(int capacity) {
		int[] slots = new int[capacity];
		Arrays.fill(slots, FREE);
		return slots;
	}

}

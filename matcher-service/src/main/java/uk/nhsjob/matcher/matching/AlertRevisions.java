package uk.nhsjob.matcher.matching;

import java.util.UUID;

/**
 * Per alert id (a UUID): the revision of its latest profile record applied, and the
 * moment from which it is matched ({@code since}, epoch milliseconds). Kept for every
 * alert heard of, active or not, so that a lower revision arriving later is ignored; an
 * erased alert keeps {@link #ERASED}, above every revision, until the
 * {@link ActiveAlertIndex} forgets it. Open addressing over four primitive arrays: 32
 * bytes an entry, at most three quarters full, so 43 to 85 bytes an alert, where a
 * HashMap of UUIDs to records would take well over 100.
 * <p>
 * Not thread-safe: the {@link ActiveAlertIndex} guards it.
 */
final class AlertRevisions {

	/** The revision of an alert whose tombstone was read. */
	static final long ERASED = Long.MAX_VALUE;

	/** No entry (revisions start at 1). */
	static final long NONE = 0;

	private long[] most = new long[16];

	private long[] least = new long[16];

	private long[] revisions = new long[16];

	private long[] since = new long[16];

	private int size;

	/** The revision held for the alert, or {@link #NONE}. */
	long revision(UUID id) {
		int at = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
		return (at < 0) ? NONE : this.revisions[at];
	}

	/** The alert's since, in epoch milliseconds; only meaningful for an active alert. */
	long sinceMillis(UUID id) {
		int at = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
		return (at < 0) ? Long.MAX_VALUE : this.since[at];
	}

	void put(UUID id, long revision, long sinceMillis) {
		if ((this.size + 1) * 4 > this.revisions.length * 3) {
			grow();
		}
		long msb = id.getMostSignificantBits();
		long lsb = id.getLeastSignificantBits();
		int mask = this.revisions.length - 1;
		int at = indexOf(msb, lsb, this.revisions.length);
		while (this.revisions[at] != NONE && (this.most[at] != msb || this.least[at] != lsb)) {
			at = (at + 1) & mask;
		}
		if (this.revisions[at] == NONE) {
			this.most[at] = msb;
			this.least[at] = lsb;
			this.size++;
		}
		this.revisions[at] = revision;
		this.since[at] = sinceMillis;
	}

	/** Forgets the alert; what else is held stays findable. */
	void remove(UUID id) {
		int hole = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
		if (hole < 0) {
			return;
		}
		int mask = this.revisions.length - 1;
		this.revisions[hole] = NONE;
		this.size--;
		// backward-shift deletion: an entry further along its probe run moves into the
		// hole unless its home slot lies cyclically after the hole
		for (int next = (hole + 1) & mask; this.revisions[next] != NONE; next = (next + 1) & mask) {
			int home = indexOf(this.most[next], this.least[next], this.revisions.length);
			if (((next - home) & mask) >= ((next - hole) & mask)) {
				this.most[hole] = this.most[next];
				this.least[hole] = this.least[next];
				this.revisions[hole] = this.revisions[next];
				this.since[hole] = this.since[next];
				this.revisions[next] = NONE;
				hole = next;
			}
		}
	}

	int size() {
		return this.size;
	}

	private int find(long msb, long lsb) {
		int mask = this.revisions.length - 1;
		for (int at = indexOf(msb, lsb, this.revisions.length); this.revisions[at] != NONE; at = (at + 1) & mask) {
			if (this.most[at] == msb && this.least[at] == lsb) {
				return at;
			}
		}
		return -1;
	}

	private void grow() {
		long[] oldMost = this.most;
		long[] oldLeast = this.least;
		long[] oldRevisions = this.revisions;
		long[] oldSince = this.since;
		int capacity = oldRevisions.length * 2;
		this.most = new long[capacity];
		this.least = new long[capacity];
		this.revisions = new long[capacity];
		this.since = new long[capacity];
		this.size = 0;
		for (int i = 0; i < oldRevisions.length; i++) {
			if (oldRevisions[i] != NONE) {
				put(new UUID(oldMost[i], oldLeast[i]), oldRevisions[i], oldSince[i]);
			}
		}
	}

	private static int indexOf(long msb, long lsb, int capacity) {
		long hash = (msb ^ lsb) * 0x9E3779B97F4A7C15L;
		return (int) (hash >>> 32) & (capacity - 1);
	}

}

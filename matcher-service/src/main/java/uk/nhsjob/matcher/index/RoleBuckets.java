package uk.nhsjob.matcher.index;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

import uk.nhsjob.common.vocabulary.Role;

/**
 * Postings by the roles their alerts ask for, plus one bucket of alerts that take any
 * role. A vacancy has one role, so it reads two buckets and never sees an alert twice.
 */
final class RoleBuckets {

	static final int ANY_ROLE = Role.values().length;

	static final int BUCKETS = ANY_ROLE + 1;

	private final Postings[] buckets = new Postings[BUCKETS];

	RoleBuckets() {
		for (int i = 0; i < BUCKETS; i++) {
			this.buckets[i] = new Postings();
		}
	}

	void add(GeoGrid.Entry entry, int roleMask) {
		forEachBucketOf(roleMask, (bucket) -> this.buckets[bucket].add(entry, 0, 0));
	}

	void remove(int slot, int roleMask) {
		forEachBucketOf(roleMask, (bucket) -> this.buckets[bucket].remove(slot));
	}

	void forEachPosting(Role role, Consumer<Postings> visitor) {
		visitor.accept(this.buckets[bucketOf(role)]);
		visitor.accept(this.buckets[ANY_ROLE]);
	}

	static int bucketOf(Role role) {
		return role.ordinal();
	}

	/** The buckets an alert asking for these roles (a mask, 0 for any) is posted in. */
	static void forEachBucketOf(int roleMask, IntConsumer action) {
		if (roleMask == 0) {
			action.accept(ANY_ROLE);
			return;
		}
		for (int mask = roleMask; mask != 0; mask &= mask - 1) {
			action.accept(Integer.numberOfTrailingZeros(mask));
		}
	}

}

package uk.nhsjob.matcher.matching;

import uk.nhsjob.common.vocabulary.Role;

/**
 * Alert slots by the roles their alerts ask for, plus one bucket of alerts that take any
 * role. A vacancy has one role, so it reads two buckets and never sees an alert twice.
 */
final class RoleBuckets {

	private static final int ANY_ROLE = Role.values().length;

	private final IntList[] buckets = new IntList[ANY_ROLE + 1];

	void add(int slot, int roleMask) {
		forEachBucketOf(roleMask, (bucket) -> bucket(bucket).add(slot));
	}

	void remove(int slot, int roleMask) {
		forEachBucketOf(roleMask, (bucket) -> {
			IntList list = this.buckets[bucket];
			if (list != null) {
				list.remove(slot);
			}
		});
	}

	void forEachCandidate(Role role, SlotVisitor visitor) {
		visit(this.buckets[role.ordinal()], visitor);
		visit(this.buckets[ANY_ROLE], visitor);
	}

	boolean isEmpty() {
		for (IntList bucket : this.buckets) {
			if (bucket != null && !bucket.isEmpty()) {
				return false;
			}
		}
		return true;
	}

	private static void visit(IntList bucket, SlotVisitor visitor) {
		if (bucket != null) {
			for (int i = 0; i < bucket.size(); i++) {
				visitor.visit(bucket.get(i));
			}
		}
	}

	private IntList bucket(int index) {
		IntList bucket = this.buckets[index];
		if (bucket == null) {
			bucket = new IntList();
			this.buckets[index] = bucket;
		}
		return bucket;
	}

	private static void forEachBucketOf(int roleMask, java.util.function.IntConsumer action) {
		if (roleMask == 0) {
			action.accept(ANY_ROLE);
			return;
		}
		for (int mask = roleMask; mask != 0; mask &= mask - 1) {
			action.accept(Integer.numberOfTrailingZeros(mask));
		}
	}

	@FunctionalInterface
	interface SlotVisitor {

		void visit(int slot);

	}

}

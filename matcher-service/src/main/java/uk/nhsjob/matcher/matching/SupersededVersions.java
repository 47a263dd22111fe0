package uk.nhsjob.matcher.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The recently superseded versions of active alerts, each with the window in which it was
 * in force, so that a vacancy is judged by the version of each alert in force at its own
 * append time even when the profile reader has already applied a later record
 * (docs/matching.md, "Superseded versions"). Their criteria stay in the
 * {@link ActiveAlertIndex}'s match index under a key of their own ({@link #keyOf}); this
 * holds what the key stands for.
 * <p>
 * Not thread-safe: used under the {@link ActiveAlertIndex}'s lock.
 */
final class SupersededVersions {

	private final Map<UUID, Version> byKey = new HashMap<>();

	/** In the order they were superseded, for expiry. */
	private final Deque<UUID> keys = new ArrayDeque<>();

	/** The key a superseded version is held under in the match index. */
	static UUID keyOf(UUID alertId, long revision, long sinceMillis) {
		return UUID.nameUUIDFromBytes((alertId + "#" + revision + "@" + sinceMillis).getBytes(StandardCharsets.UTF_8));
	}

	void keep(UUID key, Version version) {
		if (this.byKey.put(key, version) == null) {
			this.keys.addLast(key);
		}
	}

	@Nullable Version version(UUID key) {
		return this.byKey.get(key);
	}

	/**
	 * Forgets the versions superseded before the moment.
	 * @return their keys
	 */
	List<UUID> forgetSupersededBefore(long millis) {
		List<UUID> forgotten = new ArrayList<>();
		while (!this.keys.isEmpty()) {
			Version oldest = this.byKey.get(this.keys.peekFirst());
			if (oldest != null && oldest.untilMillis() >= millis) {
				break;
			}
			UUID key = this.keys.removeFirst();
			if (oldest != null) {
				this.byKey.remove(key);
				forgotten.add(key);
			}
		}
		return forgotten;
	}

	/**
	 * Forgets every version of the alert.
	 * @return their keys
	 */
	List<UUID> forgetAlert(UUID alertId) {
		List<UUID> forgotten = new ArrayList<>();
		this.byKey.entrySet().removeIf((entry) -> {
			if (entry.getValue().alertId().equals(alertId)) {
				forgotten.add(entry.getKey());
				return true;
			}
			return false;
		});
		// their keys leave the queue when they reach its head (no version behind them)
		return forgotten;
	}

	int size() {
		return this.byKey.size();
	}

	/**
	 * One superseded version of an alert, in force for the vacancies appended after
	 * {@code sinceMillis} and up to {@code untilMillis}, the append time of the record
	 * that superseded it.
	 */
	record Version(UUID alertId, long sinceMillis, long untilMillis) {

		boolean inForceAt(long appendedMillis) {
			return this.sinceMillis < appendedMillis && appendedMillis <= this.untilMillis;
		}

	}

}

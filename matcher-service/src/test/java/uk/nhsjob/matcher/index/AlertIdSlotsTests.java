package uk.nhsjob.matcher.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-addressing map against a HashMap, through a seeded run of puts, overwrites and
 * removals that forces growth and long probe chains.
 */
class AlertIdSlotsTests {

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1L, 42L, 20261125L })
	void agreesWithAHashMapThroughPutsOverwritesAndRemovals(long seed) {
		Random random = new Random(seed);
		AlertIdSlots slots = new AlertIdSlots();
		Map<UUID, Integer> expected = new HashMap<>();
		List<UUID> known = new ArrayList<>();
		for (int step = 0; step < 50_000; step++) {
			int action = random.nextInt(10);
			if (action < 5 || known.isEmpty()) {
				// few distinct high bits, so that ids collide on their home index
				UUID id = new UUID(random.nextInt(64), random.nextLong());
				int slot = random.nextInt(1_000_000);
				slots.put(id, slot);
				if (expected.put(id, slot) == null) {
					known.add(id);
				}
			}
			else if (action < 7) {
				UUID id = known.get(random.nextInt(known.size()));
				int slot = random.nextInt(1_000_000);
				slots.put(id, slot);
				expected.put(id, slot);
			}
			else {
				UUID id = known.remove(random.nextInt(known.size()));
				slots.remove(id);
				expected.remove(id);
			}
		}
		assertThat(slots.size()).isEqualTo(expected.size());
		expected.forEach((id, slot) -> assertThat(slots.get(id)).isEqualTo(slot));
		assertThat(slots.get(new UUID(-1, -1))).isNegative();
	}

}

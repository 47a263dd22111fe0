package uk.nhsjob.matcher.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revisions held per alert: an alert forgotten leaves every other one findable with
 * what it held, however their probe runs overlap.
 */
class AlertRevisionsTests {

	@Test
	void forgettingAlertsLeavesTheOthersAsTheyWere() {
		AlertRevisions revisions = new AlertRevisions();
		Random random = new Random(12);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			UUID id = new UUID(random.nextLong(), random.nextLong());
			ids.add(id);
			revisions.put(id, i + 1, i);
		}

		for (int i = 0; i < ids.size(); i += 2) {
			revisions.remove(ids.get(i));
		}

		assertThat(revisions.size()).isEqualTo(2_500);
		for (int i = 0; i < ids.size(); i++) {
			UUID id = ids.get(i);
			if (i % 2 == 0) {
				assertThat(revisions.revision(id)).isEqualTo(AlertRevisions.NONE);
			}
			else {
				assertThat(revisions.revision(id)).isEqualTo(i + 1);
				assertThat(revisions.sinceMillis(id)).isEqualTo(i);
			}
		}
	}

	@Test
	void anAlertForgottenCanBeHeldAgain() {
		AlertRevisions revisions = new AlertRevisions();
		UUID id = UUID.randomUUID();
		revisions.put(id, AlertRevisions.ERASED, Long.MAX_VALUE);
		revisions.remove(id);
		revisions.remove(id);

		assertThat(revisions.revision(id)).isEqualTo(AlertRevisions.NONE);
		assertThat(revisions.size()).isZero();
		revisions.put(id, 3, 7);
		assertThat(revisions.revision(id)).isEqualTo(3);
	}

}

package uk.nhsjob.ingest.publish;

/**
 * What became of a feed's accepted vacancies.
 *
 * @param published new or changed, and acknowledged by the broker
 * @param unchanged the same as their latest revision, so not sent again
 * @param closed open vacancies a snapshot left out, closed and acknowledged by the broker
 * @param pending new, changed or closed, stored, but not acknowledged by the broker yet:
 * they are sent again until they are
 */
public record Publication(int published, int unchanged, int closed, int pending) {

	public boolean isComplete() {
		return this.pending == 0;
	}

}

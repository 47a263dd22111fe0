package uk.nhsjob.ingest.publish;

/**
 * What became of a feed's accepted vacancies.
 *
 * @param published new or changed, and acknowledged by the broker
 * @param unchanged the same as their latest revision, so not sent again
 * @param pending new or changed, stored, but not acknowledged by the broker yet: they are
 * sent again until they are
 */
public record Publication(int published, int unchanged, int pending) {

	public boolean isComplete() {
		return this.pending == 0;
	}

}

package uk.nhsjob.ingest.publish;

/**
 * A feed refused whole because it would leave its source with more open vacancies than
 * the cap (docs/feeds.md, "Limits"); nothing of it was stored or published.
 */
public class TooManyOpenVacanciesException extends RuntimeException {

	private final int limit;

	private final int wouldBeOpen;

	TooManyOpenVacanciesException(String sourceId, int limit, int wouldBeOpen) {
		super("The feed would leave source " + sourceId + " with " + wouldBeOpen + " open vacancies, more than its "
				+ "limit of " + limit + ".");
		this.limit = limit;
		this.wouldBeOpen = wouldBeOpen;
	}

	/** The most open vacancies the source may hold. */
	public int limit() {
		return this.limit;
	}

	/** How many the source would hold open had the feed been taken. */
	public int wouldBeOpen() {
		return this.wouldBeOpen;
	}

}

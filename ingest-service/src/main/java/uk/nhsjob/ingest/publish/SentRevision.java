package uk.nhsjob.ingest.publish;

/**
 * One revision of a vacancy sent to the broker: its pending flag is cleared only while
 * that revision is still the vacancy's latest, never a newer one's.
 */
record SentRevision(String vacancyId, long revision) {

	static SentRevision of(PublishedVacancy revision) {
		return new SentRevision(revision.id(), revision.revision());
	}

}

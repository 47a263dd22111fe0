package uk.nhsjob.ingest.feed;

/** The document as a whole cannot be read: nothing of it is published. */
class UnreadableFeedException extends Exception {

	UnreadableFeedException(String message) {
		super(message);
	}

}

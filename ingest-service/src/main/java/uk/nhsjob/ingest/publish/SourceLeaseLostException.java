package uk.nhsjob.ingest.publish;

/**
 * A feed's lease on its source ran out and was taken by another feed (after a long pause,
 * say), or another feed's writes got in: the feed stops writing at once. What it stored
 * before stays consistent (each revision was a conditional write), and what it left
 * pending is sent by the relay.
 */
public class SourceLeaseLostException extends RuntimeException {

	SourceLeaseLostException(String message) {
		super(message);
	}

}

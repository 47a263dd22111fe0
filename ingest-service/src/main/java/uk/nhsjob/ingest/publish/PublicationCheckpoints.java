package uk.nhsjob.ingest.publish;

import java.util.List;

/**
 * The points between the steps of a publication, where a process can die: after the
 * revisions are stored (pending) and before they are sent, and after the broker
 * acknowledged them and before their pending flag is cleared. No bean implements it in
 * the service; a test supplies one that fails there, to show the record and the topic
 * still agree once the relay runs.
 */
public interface PublicationCheckpoints {

	PublicationCheckpoints NONE = new PublicationCheckpoints() {
	};

	/** The revisions of these vacancy ids are stored, pending, and not yet sent. */
	default void stored(List<String> vacancyIds) {
	}

	/** The broker acknowledged these vacancy ids; their pending flag is still set. */
	default void acknowledged(List<String> vacancyIds) {
	}

}

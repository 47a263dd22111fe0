package uk.nhsjob.matcher.matching;

import uk.nhsjob.platform.kafka.TransientFault;

/** A topic a reader follows does not exist yet: it is waited for. */
class TopicNotThereYet extends RuntimeException implements TransientFault {

	TopicNotThereYet(String topic) {
		super("The topic " + topic + " does not exist yet");
	}

}

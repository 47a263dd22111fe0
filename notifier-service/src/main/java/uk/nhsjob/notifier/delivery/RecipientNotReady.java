package uk.nhsjob.notifier.delivery;

import uk.nhsjob.platform.kafka.TransientFault;

/**
 * A match arrived for an alert whose activation the notifier has not read yet: the
 * profile and alert streams are not ordered with each other. A fault that passes: the
 * matcher matches an alert only once its activating profile record is on the profile
 * topic, so the notifier reads it sooner or later, however long a rebalance or a broker
 * away holds its profile reader up (a notifier instance killed holds its partitions for
 * the group's session timeout). So the match is retried with capped back-off for as long
 * as it takes, never dead-lettered: a bounded retry lost matches when an instance died.
 */
class RecipientNotReady extends RuntimeException implements TransientFault {

	RecipientNotReady(String message) {
		super(message);
	}

}

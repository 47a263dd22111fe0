package uk.nhsjob.notifier.delivery;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.notifier.NotifierSettings;
import uk.nhsjob.notifier.digest.DigestSchedule;

/**
 * When a recorded match is due: an instant one at the end of its coalescing window (the
 * sender takes every match of the alert recorded within the window with it), a digest one
 * at the alert's next digest run.
 */
@Component
class DeliverySchedule {

	private volatile Duration coalescingWindow;

	DeliverySchedule(NotifierSettings settings) {
		this.coalescingWindow = settings.coalescingWindow();
	}

	Instant dueAt(Frequency frequency, Instant recordedAt) {
		return (frequency == Frequency.INSTANT) ? recordedAt.plus(this.coalescingWindow)
				: DigestSchedule.nextRun(frequency, recordedAt);
	}

	Duration coalescingWindow() {
		return this.coalescingWindow;
	}

	/** For tests, which share one running notifier and need a window for a while. */
	void coalesceWithin(Duration window) {
		this.coalescingWindow = window;
	}

}

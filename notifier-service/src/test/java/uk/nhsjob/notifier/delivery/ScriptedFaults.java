package uk.nhsjob.notifier.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Crashes the delivery once at a chosen step, for the entry or email a test names, by
 * throwing as a dying process would stop: nothing after that point happens.
 */
class ScriptedFaults implements DeliveryFaults {

	private final Map<Step, Predicate<String>> armed = new ConcurrentHashMap<>();

	void crashOnce(Step step, Predicate<String> key) {
		this.armed.put(step, key);
	}

	void disarm() {
		this.armed.clear();
	}

	@Override
	public void afterRecorded(String deliveryId) {
		crashIfArmed(Step.AFTER_RECORDED, deliveryId);
	}

	@Override
	public void beforeData(String emailKey) {
		crashIfArmed(Step.BEFORE_DATA, emailKey);
	}

	@Override
	public void afterAccepted(String emailKey) {
		crashIfArmed(Step.AFTER_ACCEPTED, emailKey);
	}

	private void crashIfArmed(Step step, String key) {
		Predicate<String> which = this.armed.get(step);
		if (which != null && which.test(key) && this.armed.remove(step, which)) {
			throw new SimulatedCrash(step + " of " + key);
		}
	}

	enum Step {

		AFTER_RECORDED, BEFORE_DATA, AFTER_ACCEPTED

	}

	static class SimulatedCrash extends RuntimeException {

		SimulatedCrash(String message) {
			super(message);
		}

	}

}

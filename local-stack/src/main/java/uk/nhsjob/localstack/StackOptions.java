package uk.nhsjob.localstack;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the launcher was asked to start.
 *
 * @param withServices false with {@code --infrastructure-only}
 * @param brokers Kafka brokers, 1 (the default) to 3 ({@code --brokers 3})
 * @param instances instances of each service, 1 (the default) to 3
 * ({@code --instances 2})
 * @param restartCrashed whether a child that crashes is started again by itself
 * ({@code --restart-crashed})
 * @param help whether only the usage was asked for
 */
record StackOptions(boolean withServices, int brokers, int instances, boolean restartCrashed, boolean help) {

	static final int MAX_BROKERS = 3;

	static final int MAX_INSTANCES = 3;

	static final String USAGE = """
			Usage: ./run-local.sh [--infrastructure-only] [--brokers N] [--instances N] [--restart-crashed]
			  Starts Kafka, MongoDB (embedded unless MONGODB_URI is set), a mail catcher with a web
			  inbox, and the three services. Data under .local-stack/ (LOCAL_STACK_DIR). Ctrl-C stops all.
			  --infrastructure-only   everything but the three services
			  --brokers N             a KRaft cluster of N brokers, 1 to 3 (default 1): 9092-9094,
			                          controllers on 9095-9097; topics with 3 copies, 2 in sync
			  --instances N           N instances of each service, 1 to 3 (default 1): 8081-8083,
			                          8181-8183, 8281-8283
			  --restart-crashed       start a broker or service that crashes again (with back-off)""";

	/**
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static StackOptions parse(List<String> arguments) {
		boolean withServices = true;
		int brokers = 1;
		int instances = 1;
		boolean restartCrashed = false;
		for (int i = 0; i < arguments.size(); i++) {
			String argument = arguments.get(i);
			switch (argument) {
				case "--infrastructure-only" -> withServices = false;
				case "--restart-crashed" -> restartCrashed = true;
				case "--brokers" ->
					brokers = count(argument, (i + 1 < arguments.size()) ? arguments.get(++i) : null, MAX_BROKERS);
				case "--instances" ->
					instances = count(argument, (i + 1 < arguments.size()) ? arguments.get(++i) : null, MAX_INSTANCES);
				case "-h", "--help" -> {
					return new StackOptions(true, 1, 1, false, true);
				}
				default -> {
					if (argument.startsWith("--brokers=")) {
						brokers = count("--brokers", argument.substring("--brokers=".length()), MAX_BROKERS);
					}
					else if (argument.startsWith("--instances=")) {
						instances = count("--instances", argument.substring("--instances=".length()), MAX_INSTANCES);
					}
					else {
						throw new IllegalArgumentException("Unknown argument " + argument);
					}
				}
			}
		}
		if (!withServices && instances > 1) {
			throw new IllegalArgumentException("--instances needs the services: drop --infrastructure-only");
		}
		return new StackOptions(withServices, brokers, instances, restartCrashed, false);
	}

	private static int count(String option, @Nullable String value, int max) {
		try {
			int count = Integer.parseInt((value != null) ? value : "");
			if (count >= 1 && count <= max) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// said below
		}
		throw new IllegalArgumentException(
				option + " takes a number from 1 to " + max + ", not " + ((value != null) ? value : "nothing"));
	}

	/** Whether anything runs in more than one copy. */
	boolean isCluster() {
		return this.brokers > 1 || this.instances > 1;
	}

}

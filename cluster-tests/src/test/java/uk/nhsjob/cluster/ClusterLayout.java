package uk.nhsjob.cluster;

/**
 * How many of each a cluster run starts.
 *
 * @param brokers Kafka nodes
 * @param ingests ingest-service instances
 * @param matchers matcher-service instances
 * @param notifiers notifier-service instances
 */
record ClusterLayout(int brokers, int ingests, int matchers, int notifiers) {

	/** The local stack's cluster mode: three brokers, two instances of each service. */
	static ClusterLayout full() {
		return new ClusterLayout(3, 2, 2, 2);
	}

	/** The version in ./mvnw verify: one broker, two matchers. */
	static ClusterLayout inVerify() {
		return new ClusterLayout(1, 1, 2, 1);
	}

}

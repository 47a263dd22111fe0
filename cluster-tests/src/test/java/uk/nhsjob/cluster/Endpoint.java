package uk.nhsjob.cluster;

/**
 * One instance of a service as its HTTP clients see it: a name and a base URL. The
 * instances a {@link Cluster} starts itself, and those of the local stack a load run
 * starts ({@link LocalStackProcess}).
 */
interface Endpoint {

	/** e.g. {@code matcher-2} */
	String name();

	/** e.g. {@code http://localhost:8082} */
	String url();

}

package uk.nhsjob.localstack.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-wire-protocol server in the launcher's JVM, keeping its data in one H2
 * MVStore file, so that what the services stored is still there after a restart.
 */
public final class EmbeddedMongo implements AutoCloseable {

	private final MongoServer server;

	private final InetSocketAddress address;

	private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
		this.server = server;
		this.address = address;
	}

	/**
	 * Opens (or creates) the data file and listens on the address.
	 * @param port the port, or 0 for a free one
	 */
	public static EmbeddedMongo start(String host, int port, Path dataFile) {
		try {
			Files.createDirectories(dataFile.toAbsolutePath().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + dataFile.getParent(), ex);
		}
		H2Backend backend = new H2Backend(dataFile.toAbsolutePath().toString());
		MongoServer server = new MongoServer(backend);
		try {
			server.bind(host, port);
		}
		catch (RuntimeException ex) {
			backend.close();
			throw new IllegalStateException("Cannot listen for MongoDB clients on " + host + ":" + port + ": "
					+ ex.getMessage() + " (is a MongoDB already running there? Set MONGODB_URI to use it)", ex);
		}
		return new EmbeddedMongo(server, server.getLocalAddress());
	}

	public String connectionString() {
		return "mongodb://" + this.address.getHostString() + ":" + this.address.getPort();
	}

	/**
	 * Stops listening, closes the clients' connections and writes the data file to disk.
	 */
	@Override
	public void close() {
		// closes the backend too, which commits and closes the MVStore file
		this.server.shutdownNow();
	}

}

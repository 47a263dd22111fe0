package uk.nhsjob.localstack.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.jspecify.annotations.Nullable;

/**
 * A MongoDB-wire-protocol server in the launcher's JVM, keeping its data in one H2
 * MVStore file, so that what the services stored is still there after a restart, and
 * answering queries through the services' indexes ({@link IndexedH2Backend}). It can be
 * stopped and started again while the stack runs ({@link #stop()}, {@link #start()}), to
 * try MongoDB being away: on the same port, with the same data.
 */
public final class EmbeddedMongo implements AutoCloseable {

	private final String host;

	private final Path dataFile;

	private final int port;

	/** Null while stopped. */
	private @Nullable MongoServer server;

	private EmbeddedMongo(String host, Path dataFile, MongoServer server) {
		this.host = host;
		this.dataFile = dataFile;
		this.server = server;
		this.port = server.getLocalAddress().getPort();
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
		return new EmbeddedMongo(host, dataFile.toAbsolutePath(), listen(host, port, dataFile.toAbsolutePath()));
	}

	private static MongoServer listen(String host, int port, Path dataFile) {
		H2Backend backend = new IndexedH2Backend(dataFile.toString());
		MongoServer server = new MongoServer(backend);
		try {
			server.bind(host, port);
		}
		catch (RuntimeException ex) {
			backend.close();
			throw new IllegalStateException("Cannot listen for MongoDB clients on " + host + ":" + port + ": "
					+ ex.getMessage() + " (is a MongoDB already running there? Set MONGODB_URI to use it)", ex);
		}
		return server;
	}

	public String connectionString() {
		return "mongodb://" + this.host + ":" + this.port;
	}

	public int port() {
		return this.port;
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Stops listening and drops the clients' connections, writing every document to the
	 * data file; nothing when stopped already.
	 */
	public synchronized void stop() {
		if (this.server != null) {
			// closes the backend too, which commits and closes the MVStore file
			this.server.shutdownNow();
			this.server = null;
		}
	}

	/**
	 * Listens again on the same port with the data file's documents; nothing when running
	 * already.
	 */
	public synchronized void start() {
		if (this.server == null) {
			this.server = listen(this.host, this.port, this.dataFile);
		}
	}

	/**
	 * Stops listening, closes the clients' connections and writes the data file to disk.
	 */
	@Override
	public void close() {
		stop();
	}

}

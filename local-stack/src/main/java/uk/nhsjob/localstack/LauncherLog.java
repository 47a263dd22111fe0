package uk.nhsjob.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's own log, {@code logs/local-stack.log}: the libraries' chatter, kept out
 * of the terminal. Never an address or a token (docs/operations.md, "Logs"): the mail
 * server runs in this JVM, and GreenMail names every mailbox it makes, with its password
 * (the address again), at {@code INFO}; so it logs errors only. The secrets the user
 * needs are printed once, to the terminal ({@link Banner}).
 */
public final class LauncherLog {

	private LauncherLog() {
	}

	/**
	 * Points slf4j-simple at the log file; to be called before the first logger is made.
	 * A setting already given on the command line wins.
	 */
	public static void configure(Path logs) {
		try {
			Files.createDirectories(logs);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + logs, ex);
		}
		setIfAbsent("org.slf4j.simpleLogger.logFile", logs.resolve("local-stack.log").toString());
		setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
		setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSS");
		setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
		setIfAbsent("org.slf4j.simpleLogger.log.com.icegreen", "error");
	}

	private static void setIfAbsent(String property, String value) {
		if (System.getProperty(property) == null) {
			System.setProperty(property, value);
		}
	}

}

package uk.nhsjob.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Tokens and keys the stack makes once and keeps in its data folder, so that they are the
 * same after a restart.
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** 256 random bits, URL-safe Base64 without padding. */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The variable's value when it is set; otherwise the value kept in the file, made and
	 * written there on first use.
	 */
	static String fromVariableOrKept(@Nullable String variableValue, Path file) {
		if (variableValue != null && !variableValue.isBlank()) {
			return variableValue.strip();
		}
		return kept(file);
	}

	/** The value kept in the file, made and written there on first use. */
	static String kept(Path file) {
		return read(file).orElseGet(() -> {
			String token = newToken();
			writePrivately(file, token);
			return token;
		});
	}

	static Optional<String> read(Path file) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			String value = Files.readString(file, StandardCharsets.UTF_8).strip();
			return value.isEmpty() ? Optional.empty() : Optional.of(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/** Writes the value, readable by its owner only where the file system allows it. */
	static void writePrivately(Path file, String value) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

}

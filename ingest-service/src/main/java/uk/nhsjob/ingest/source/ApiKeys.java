package uk.nhsjob.ingest.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets handed out once and kept only as SHA-256 hashes. A key is 256 random bits, so a
 * plain (unsalted) hash is enough to make a stolen database useless for calling us.
 */
final class ApiKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private ApiKeys() {
	}

	/** 32 random bytes, base64url: 43 characters. */
	static String newSecret() {
		return randomText(32);
	}

	/** Not secret: names a key in the admin calls. */
	static String newKeyId() {
		return randomText(9);
	}

	static String hashOf(String secret) {
		return HexFormat.of().formatHex(sha256(secret));
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static String randomText(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return BASE64URL.encodeToString(random);
	}

}

package uk.nhsjob.notifier.suppression;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA256) a suppression is kept under: without the key, a list of
 * candidate addresses cannot be hashed and compared with the collection. Also the plain
 * SHA-256 that suppressions made before the key were kept under, still read.
 */
final class AddressHash {

	private static final String HMAC = "HmacSHA256";

	private final SecretKeySpec key;

	AddressHash(String key) {
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), HMAC);
	}

	String of(String address) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			return "hmac:" + HexFormat.of().formatHex(mac.doFinal(normalised(address)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("every Java platform has HmacSHA256", ex);
		}
	}

	/** The unkeyed hash of the suppressions kept before the key (no prefix). */
	static String legacyOf(String address) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised(address)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	private static byte[] normalised(String address) {
		return address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
	}

}

package uk.nhsjob.matcher.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keyed hash of an address that the notices topic is keyed by (docs/events.md):
 * HMAC-SHA256 with the link-token secret, so that a record's key names no address, and
 * every instance keys one address's notices alike.
 */
@Component
class AddressKeys {

	private static final String HMAC = "HmacSHA256";

	private final SecretKeySpec key;

	AddressKeys(@Value("${nhsjob.matcher.token-secret:}") String secret) {
		// the matcher does not start without the secret (LinkTokenConfiguration)
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
	}

	String keyOf(String email) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}

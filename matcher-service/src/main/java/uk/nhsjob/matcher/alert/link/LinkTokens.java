package uk.nhsjob.matcher.alert.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Signs and reads the tokens in an alert's links, so that no token is stored anywhere. A
 * token is {@code base64url(alertId.version.expiry) "." base64url(HMAC-SHA256)}, where
 * the MAC also covers the purpose. Raising an alert's token version revokes its links.
 * While the key is being replaced, tokens signed with the previous key are read too; new
 * ones are signed with the current key.
 */
public final class LinkTokens {

	private static final String ALGORITHM = "HmacSHA256";

	/** Well above any token this class mints; longer input is not even decoded. */
	private static final int MAX_TOKEN_LENGTH = 256;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	private final @Nullable SecretKeySpec previousKey;

	private final Clock clock;

	public LinkTokens(byte[] secret, Clock clock) {
		this(secret, null, clock);
	}

	/**
	 * @param secret the current key, which signs every new token
	 * @param previousSecret the key before it, while rotating; tokens it signed still
	 * read
	 */
	public LinkTokens(byte[] secret, byte @Nullable [] previousSecret, Clock clock) {
		this.key = new SecretKeySpec(secret, ALGORITHM);
		this.previousKey = (previousSecret != null) ? new SecretKeySpec(previousSecret, ALGORITHM) : null;
		this.clock = clock;
	}

	/**
	 * @param expiresAt when the token stops working; null for one that works as long as
	 * the alert and its token version
	 */
	public String mint(String alertId, LinkPurpose purpose, int version, @Nullable Instant expiresAt) {
		String payload = alertId + "." + version + "." + ((expiresAt != null) ? expiresAt.getEpochSecond() : "");
		byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(payloadBytes) + "."
				+ ENCODER.encodeToString(mac(this.key, purpose, payloadBytes));
	}

	/**
	 * What a token says, when it was signed with the current or the previous key for this
	 * purpose and has not expired; empty for anything else, without saying why.
	 */
	public Optional<LinkClaims> read(@Nullable String token, LinkPurpose purpose) {
		if (token == null || token.length() > MAX_TOKEN_LENGTH) {
			return Optional.empty();
		}
		try {
			int dot = token.indexOf('.');
			if (dot < 0) {
				return Optional.empty();
			}
			byte[] payload = DECODER.decode(token.substring(0, dot));
			byte[] signature = DECODER.decode(token.substring(dot + 1));
			if (!isSigned(purpose, payload, signature)) {
				return Optional.empty();
			}
			String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\.", -1);
			if (fields.length != 3) {
				return Optional.empty();
			}
			if (!fields[2].isEmpty()
					&& !this.clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(fields[2])))) {
				return Optional.empty();
			}
			return Optional.of(new LinkClaims(fields[0], Integer.parseInt(fields[1])));
		}
		catch (IllegalArgumentException ex) {
			// not base64url, or not numbers where numbers belong
			return Optional.empty();
		}
	}

	/**
	 * Checked against both keys whichever matches, each in constant time, so that the
	 * time taken says nothing about which key or how much of a signature matched.
	 */
	private boolean isSigned(LinkPurpose purpose, byte[] payload, byte[] signature) {
		boolean current = MessageDigest.isEqual(mac(this.key, purpose, payload), signature);
		boolean previous = this.previousKey != null
				&& MessageDigest.isEqual(mac(this.previousKey, purpose, payload), signature);
		// not ||: the previous key is tried whether or not the current one matched
		return current | previous;
	}

	private static byte[] mac(SecretKeySpec key, LinkPurpose purpose, byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			mac.update(purpose.name().getBytes(StandardCharsets.UTF_8));
			mac.update((byte) '\n');
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** Whom a valid token is for. */
	public record LinkClaims(String alertId, int version) {
	}

}

package uk.nhsjob.notifier.suppression;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The operator's token for the notifier's admin calls. Never a fixed default: when none
 * is set, a random one is made for this run and printed once to the console, so a fresh
 * install works and an exposed one is not guessable. Printed, not logged: no token goes
 * into a log line or a log file (docs/operations.md, "Logs").
 */
@Component
class AdminToken {

	private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

	static final String PRINTED = "Admin token for this run (nhsjob.notifier.admin-token): ";

	private final byte[] digest;

	@Autowired
	AdminToken(SuppressionSettings settings) {
		this(settings, System.out);
	}

	AdminToken(SuppressionSettings settings, PrintStream console) {
		String token = String.valueOf(settings.adminToken()).strip();
		if (settings.adminToken() == null || token.isEmpty()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			log.warn("No admin token is set (nhsjob.notifier.admin-token, env NHSJOB_NOTIFIER_ADMIN_TOKEN); "
					+ "generated one for this run and printed it to the console, not to the log");
			console.println(PRINTED + token);
			console.flush();
		}
		this.digest = sha256(token);
	}

	/** Compares digests, in constant time, so the answer's timing tells nothing. */
	boolean matches(String presented) {
		return MessageDigest.isEqual(this.digest, sha256(presented));
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}

package uk.nhsjob.ingest.source;

import java.io.PrintStream;
import java.security.MessageDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import uk.nhsjob.ingest.IngestSettings;

/**
 * The operator's token for the admin calls. Never a fixed default: when none is set, a
 * random one is made for this run and printed once to the console, so a fresh install
 * works and an exposed one is not guessable. Printed, not logged: no token goes into a
 * log line or a log file (docs/operations.md, "Logs").
 */
@Component
class AdminToken {

	private static final Logger log = LoggerFactory.getLogger(AdminToken.class);

	private final byte[] digest;

	@Autowired
	AdminToken(IngestSettings settings) {
		this(settings, System.out);
	}

	AdminToken(IngestSettings settings, PrintStream console) {
		String token = settings.adminToken().trim();
		if (!StringUtils.hasText(token)) {
			token = ApiKeys.newSecret();
			log.warn("No admin token is set (nhsjob.ingest.admin-token, env NHSJOB_INGEST_ADMIN_TOKEN); "
					+ "generated one for this run and printed it to the console, not to the log");
			console.println("Admin token for this run (nhsjob.ingest.admin-token): " + token);
			console.flush();
		}
		this.digest = ApiKeys.sha256(token);
	}

	/** Compares digests, in constant time, so the answer's timing tells nothing. */
	boolean matches(String presented) {
		return MessageDigest.isEqual(this.digest, ApiKeys.sha256(presented));
	}

}

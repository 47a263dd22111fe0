package uk.nhsjob.matcher.limit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The limits per client address and for the whole service (docs/alerts.md, "Limits"),
 * counted in {@link FixedWindowCounters}. A client is counted under a keyed hash of its
 * address group ({@link ClientAddress}), keyed with the service's link secret, so that no
 * address is stored in clear.
 */
@Component
public class ClientLimits {

	static final String ALERTS_PER_CLIENT = "alerts-per-client";

	static final String CONFIRMATION_EMAILS = "confirmation-emails";

	static final String PREVIEWS_PER_CLIENT = "previews-per-client";

	private static final String EVERYONE = "all";

	private static final String HMAC = "HmacSHA256";

	private final FixedWindowCounters counters;

	private final LimitSettings settings;

	private final SecretKeySpec key;

	ClientLimits(FixedWindowCounters counters, LimitSettings settings,
			@Value("${nhsjob.matcher.token-secret:}") String secret) {
		this.counters = counters;
		this.settings = settings;
		// the matcher does not start without the secret (LinkTokenConfiguration)
		this.key = new SecretKeySpec(("client-limits:" + secret).getBytes(StandardCharsets.UTF_8), HMAC);
	}

	/**
	 * Counts a request to create an alert that passed validation.
	 * @throws LimitReached over the client's hourly limit
	 */
	public void takeAlertCreation(HttpServletRequest request) {
		this.counters.take(ALERTS_PER_CLIENT, clientKey(request), this.settings.alertsPerClientPerHour(),
				Duration.ofHours(1));
	}

	/**
	 * Counts a request for the link to an address's alerts, together with alert
	 * creations: both may send an email.
	 * @throws LimitReached over the client's hourly limit
	 */
	public void takeManageLink(HttpServletRequest request) {
		takeAlertCreation(request);
	}

	/**
	 * Counts a confirmation email about to be asked for, by any client on any instance.
	 * @throws LimitReached over the service's hourly limit
	 */
	public void takeConfirmationEmail() {
		this.counters.take(CONFIRMATION_EMAILS, EVERYONE, this.settings.confirmationEmailsPerHour(),
				Duration.ofHours(1));
	}

	/**
	 * Counts a preview, from the API or the page.
	 * @throws LimitReached over the client's limit a minute
	 */
	public void takePreview(HttpServletRequest request) {
		this.counters.take(PREVIEWS_PER_CLIENT, clientKey(request), this.settings.previewsPerClientPerMinute(),
				Duration.ofMinutes(1));
	}

	private String clientKey(HttpServletRequest request) {
		String group = ClientAddress.groupOf(String.valueOf(request.getRemoteAddr()));
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			byte[] hash = mac.doFinal(group.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}

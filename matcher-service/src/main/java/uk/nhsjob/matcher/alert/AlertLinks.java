package uk.nhsjob.matcher.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.nhsjob.matcher.MatcherSettings;
import uk.nhsjob.matcher.alert.link.LinkPurpose;
import uk.nhsjob.matcher.alert.link.LinkTokens;

/**
 * The absolute links an alert's emails carry, and the way back from a link's token to the
 * alert it was minted for.
 */
@Component
class AlertLinks {

	private final LinkTokens tokens;

	private final Clock clock;

	private final String baseUrl;

	private final Duration confirmationValidity;

	AlertLinks(LinkTokens tokens, MatcherSettings settings, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
		this.baseUrl = settings.publicBaseUrl();
		this.confirmationValidity = settings.confirmationValidity();
	}

	String confirmUrl(Alert alert) {
		return url("/alerts/confirm", token(alert, LinkPurpose.CONFIRM));
	}

	String manageUrl(Alert alert) {
		return url("/alerts/manage", token(alert, LinkPurpose.MANAGE));
	}

	String unsubscribeUrl(Alert alert) {
		return url("/alerts/unsubscribe", token(alert, LinkPurpose.UNSUBSCRIBE));
	}

	/**
	 * The confirmation email's "this wasn't me" link. It does not expire: it works as
	 * long as the alert exists with its token version, so for at least as long as the
	 * confirm link beside it.
	 */
	String notMeUrl(Alert alert) {
		return url("/alerts/not-me", token(alert, LinkPurpose.NOT_ME));
	}

	/**
	 * The link to every alert of an address, by the address's handle; it works as long as
	 * a confirmation link does (docs/alerts.md, "Manage by email").
	 */
	String addressUrl(String handle) {
		return url("/alerts/mine",
				this.tokens.mint(handle, LinkPurpose.ADDRESS, 0, this.clock.instant().plus(this.confirmationValidity)));
	}

	/** The handle of the address a "my alerts" token names, while the token works. */
	Optional<String> handleOf(String token) {
		return this.tokens.read(token, LinkPurpose.ADDRESS).map(LinkTokens.LinkClaims::alertId);
	}

	/**
	 * The token of an alert's link. A confirmation link expires a fixed time after the
	 * confirmation was last asked for, so each publication of one request has one link.
	 */
	String token(Alert alert, LinkPurpose purpose) {
		Instant expiresAt = (purpose == LinkPurpose.CONFIRM)
				? alert.confirmationRequestedAt().plus(this.confirmationValidity) : null;
		return this.tokens.mint(alert.id(), purpose, alert.tokenVersion(), expiresAt);
	}

	/** Whom a link's token is for, when it is valid for this purpose. */
	Optional<LinkTokens.LinkClaims> read(String token, LinkPurpose purpose) {
		return this.tokens.read(token, purpose);
	}

	private String url(String path, String token) {
		// base64url needs no escaping in a query
		return this.baseUrl + path + "?token=" + token;
	}

}

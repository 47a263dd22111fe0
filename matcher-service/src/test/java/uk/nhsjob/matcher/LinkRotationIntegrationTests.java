package uk.nhsjob.matcher;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import uk.nhsjob.matcher.alert.link.LinkPurpose;
import uk.nhsjob.matcher.alert.link.LinkTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/**
 * Replacing the link key (docs/alerts.md, "Links"): the tests' matcher signs with
 * {@link LinkSecrets#CURRENT} and still trusts {@link LinkSecrets#PREVIOUS}, as after a
 * rotation.
 */
@MatcherIntegrationTest
class LinkRotationIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Test
	void aLinkSignedWithThePreviousKeyStillWorks() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String fromBeforeTheRotation = signedWith(LinkSecrets.PREVIOUS).mint(alertId, LinkPurpose.MANAGE,
				tokenVersion(alertId), null);

		this.world.http()
			.get()
			.uri("/alerts/manage?token={token}", fromBeforeTheRotation)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void newLinksAreSignedWithTheCurrentKey() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String manage = this.world.manageToken(alertId);

		assertThat(signedWith(LinkSecrets.CURRENT).read(manage, LinkPurpose.MANAGE)).isPresent();
		assertThat(signedWith(LinkSecrets.PREVIOUS).read(manage, LinkPurpose.MANAGE)).isEmpty();
	}

	@Test
	void aLinkSignedWithAnUnknownKeyAnswersTheSame404AsAWrongOne() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), "{}");
		String unknown = signedWith("a key this matcher never had, 32 characters long").mint(alertId,
				LinkPurpose.MANAGE, tokenVersion(alertId), null);

		String wrongPage = notFoundPage(this.world.manageToken(alertId) + "x");
		String unknownPage = notFoundPage(unknown);
		assertThat(unknownPage).contains("This link does not work").isEqualTo(wrongPage);
	}

	private String notFoundPage(String token) {
		return this.world.http()
			.get()
			.uri("/alerts/manage?token={token}", token)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private int tokenVersion(String alertId) {
		return signedWith(LinkSecrets.CURRENT).read(this.world.manageToken(alertId), LinkPurpose.MANAGE)
			.orElseThrow()
			.version();
	}

	private static LinkTokens signedWith(String secret) {
		return new LinkTokens(secret.getBytes(StandardCharsets.UTF_8), ServiceClock.LONDON);
	}

}

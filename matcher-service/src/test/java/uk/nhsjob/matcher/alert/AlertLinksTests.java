package uk.nhsjob.matcher.alert;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.common.vocabulary.Frequency;
import uk.nhsjob.matcher.MatcherSettings;
import uk.nhsjob.matcher.alert.link.LinkPurpose;
import uk.nhsjob.matcher.alert.link.LinkTokens;

import static org.assertj.core.api.Assertions.assertThat;

class AlertLinksTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final AlertLinks links = new AlertLinks(
			new LinkTokens("a secret of at least thirty-two characters".getBytes(StandardCharsets.UTF_8), this.clock),
			new MatcherSettings("https://alerts.nhsjob.example/", Duration.ofDays(7), 10, Duration.ofSeconds(5), 5,
					DataSize.ofKilobytes(16), Duration.ofMinutes(1)),
			this.clock);

	private final Alert alert = new Alert("a1", "someone@example.org", Criteria.ANY, Frequency.INSTANT,
			AlertStatus.ACTIVE, 0L, 1, 1, NOW, NOW, null, false, false, false);

	@Test
	void mintsAbsoluteLinksFromThePublicBaseUrl() {
		assertThat(this.links.confirmUrl(this.alert)).startsWith("https://alerts.nhsjob.example/alerts/confirm?token=");
		assertThat(this.links.manageUrl(this.alert)).startsWith("https://alerts.nhsjob.example/alerts/manage?token=");
		assertThat(this.links.unsubscribeUrl(this.alert))
			.startsWith("https://alerts.nhsjob.example/alerts/unsubscribe?token=");
	}

	@Test
	void eachLinkOpensForItsOwnPurposeOnly() {
		String manage = this.links.token(this.alert, LinkPurpose.MANAGE);
		assertThat(this.links.read(manage, LinkPurpose.MANAGE)).isPresent();
		assertThat(this.links.read(manage, LinkPurpose.UNSUBSCRIBE)).isEmpty();
		assertThat(this.links.read(manage, LinkPurpose.CONFIRM)).isEmpty();
	}

	@Test
	void markingForErasureChangesTheTokenVersionSoEarlierLinksAreRevoked() {
		String before = this.links.token(this.alert, LinkPurpose.MANAGE);
		this.alert.markErasing();
		assertThat(this.links.read(before, LinkPurpose.MANAGE)).get()
			.extracting(LinkTokens.LinkClaims::version)
			.isNotEqualTo(this.alert.tokenVersion());
	}

}

package uk.nhsjob.matcher.alert.link;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.nhsjob.matcher.alert.link.LinkTokens.LinkClaims;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTokensTests {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private static final byte[] SECRET = "a secret of at least thirty-two characters".getBytes(StandardCharsets.UTF_8);

	private static final String ALERT = "0b6c3c58-3a8e-4d4f-a0a4-0c2b1f6d2c11";

	private final LinkTokens tokens = at(NOW);

	@Test
	void readsWhatItMinted() {
		String token = this.tokens.mint(ALERT, LinkPurpose.MANAGE, 3, null);
		assertThat(this.tokens.read(token, LinkPurpose.MANAGE)).contains(new LinkClaims(ALERT, 3));
		assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
	}

	@Test
	void aTokenWithoutExpiryWorksForYears() {
		String token = this.tokens.mint(ALERT, LinkPurpose.UNSUBSCRIBE, 1, null);
		assertThat(at(NOW.plus(Duration.ofDays(3650))).read(token, LinkPurpose.UNSUBSCRIBE)).isPresent();
	}

	@Test
	void rejectsATokenOfAnotherPurpose() {
		String manage = this.tokens.mint(ALERT, LinkPurpose.MANAGE, 1, null);
		assertThat(this.tokens.read(manage, LinkPurpose.CONFIRM)).isEmpty();
		assertThat(this.tokens.read(manage, LinkPurpose.UNSUBSCRIBE)).isEmpty();
	}

	@Test
	void rejectsATokenSignedWithAnotherSecret() {
		LinkTokens other = new LinkTokens("another secret, also thirty-two characters".getBytes(StandardCharsets.UTF_8),
				Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(this.tokens.read(other.mint(ALERT, LinkPurpose.MANAGE, 1, null), LinkPurpose.MANAGE)).isEmpty();
	}

	@Test
	void rejectsAConfirmationTokenFromItsExpiryOn() {
		Instant expiry = NOW.plus(Duration.ofDays(7));
		String token = this.tokens.mint(ALERT, LinkPurpose.CONFIRM, 1, expiry);
		assertThat(at(expiry.minusSeconds(1)).read(token, LinkPurpose.CONFIRM)).isPresent();
		assertThat(at(expiry).read(token, LinkPurpose.CONFIRM)).isEmpty();
		assertThat(at(expiry.plus(Duration.ofDays(1))).read(token, LinkPurpose.CONFIRM)).isEmpty();
	}

	@Test
	void rejectsATokenWhosePayloadWasChanged() {
		String token = this.tokens.mint(ALERT, LinkPurpose.MANAGE, 1, null);
		String signature = token.substring(token.indexOf('.'));
		String forged = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((ALERT + ".2.").getBytes(StandardCharsets.UTF_8));
		assertThat(this.tokens.read(forged + signature, LinkPurpose.MANAGE)).isEmpty();
	}

	@Test
	void carriesTheTokenVersionSoThatRaisingItRevokesEarlierLinks() {
		String before = this.tokens.mint(ALERT, LinkPurpose.MANAGE, 1, null);
		assertThat(this.tokens.read(before, LinkPurpose.MANAGE)).map(LinkClaims::version).contains(1);
		assertThat(this.tokens.mint(ALERT, LinkPurpose.MANAGE, 2, null)).isNotEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "abc", "abc.def", "not base64!.x", "YWJj.", "a.b.c" })
	void rejectsGarbage(String token) {
		assertThat(this.tokens.read(token, LinkPurpose.MANAGE)).isEmpty();
	}

	@Test
	void rejectsNullAndOverlongTokens() {
		assertThat(this.tokens.read(null, LinkPurpose.MANAGE)).isEmpty();
		assertThat(this.tokens.read("a".repeat(10_000), LinkPurpose.MANAGE)).isEmpty();
	}

	private static LinkTokens at(Instant now) {
		return new LinkTokens(SECRET, Clock.fixed(now, ZoneOffset.UTC));
	}

	@Test
	void whileRotatingReadsTokensOfThePreviousKeyAndSignsWithTheCurrentOne() {
		byte[] next = "the next secret, thirty-two characters or more".getBytes(StandardCharsets.UTF_8);
		String minted = this.tokens.mint(ALERT, LinkPurpose.MANAGE, 2, null);
		LinkTokens rotated = new LinkTokens(next, SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

		assertThat(rotated.read(minted, LinkPurpose.MANAGE)).contains(new LinkClaims(ALERT, 2));
		String fresh = rotated.mint(ALERT, LinkPurpose.MANAGE, 2, null);
		assertThat(new LinkTokens(next, Clock.fixed(NOW, ZoneOffset.UTC)).read(fresh, LinkPurpose.MANAGE)).isPresent();
		assertThat(this.tokens.read(fresh, LinkPurpose.MANAGE)).as("signed with the previous key").isEmpty();
		assertThat(rotated.read(minted, LinkPurpose.UNSUBSCRIBE)).isEmpty();
	}

	@Test
	void whileRotatingRejectsATokenOfNeitherKey() {
		LinkTokens rotated = new LinkTokens(
				"the next secret, thirty-two characters or more".getBytes(StandardCharsets.UTF_8), SECRET,
				Clock.fixed(NOW, ZoneOffset.UTC));
		LinkTokens unknown = new LinkTokens("a third secret, unknown to anyone here".getBytes(StandardCharsets.UTF_8),
				Clock.fixed(NOW, ZoneOffset.UTC));
		assertThat(rotated.read(unknown.mint(ALERT, LinkPurpose.MANAGE, 1, null), LinkPurpose.MANAGE)).isEmpty();
	}

}

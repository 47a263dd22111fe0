package uk.nhsjob.matcher;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

/**
 * Every page of the service, each of its controllers' and its error pages, answers with
 * the page headers (docs/alerts.md, "Page headers"), and carries no inline script or
 * style that the policy would block.
 */
@MatcherIntegrationTest
class PageHeadersIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	/** Which of a fresh pending alert's links a page's URL carries. */
	enum Link {

		NONE, CONFIRM, MANAGE, UNSUBSCRIBE, NOT_ME, FORGED,

		/** The "my alerts" link of a fresh pending alert's address. */
		ADDRESS

	}

	static Stream<Arguments> pages() {
		return Stream.of(page("the alert form", HttpMethod.GET, "/", Link.NONE, null, HttpStatus.OK),
				page("the preview without JavaScript", HttpMethod.POST, "/preview", Link.NONE,
						"keywords=audiotyping&frequency=INSTANT", HttpStatus.OK),
				page("the form with its problems", HttpMethod.POST, "/", Link.NONE, "email=not-an-address",
						HttpStatus.OK),
				page("check your email", HttpMethod.POST, "/", Link.NONE,
						"email=" + uniqueEmail() + "&keywords=audiotyping&frequency=DAILY", HttpStatus.OK),
				page("confirm", HttpMethod.GET, "/alerts/confirm", Link.CONFIRM, null, HttpStatus.OK),
				page("confirmed", HttpMethod.POST, "/alerts/confirm", Link.CONFIRM, "", HttpStatus.OK),
				page("manage", HttpMethod.GET, "/alerts/manage", Link.MANAGE, null, HttpStatus.OK),
				page("manage, saved", HttpMethod.POST, "/alerts/manage", Link.MANAGE, "frequency=WEEKLY",
						HttpStatus.OK),
				page("manage, pause refused", HttpMethod.POST, "/alerts/manage/pause", Link.MANAGE, "", HttpStatus.OK),
				page("manage, resume refused", HttpMethod.POST, "/alerts/manage/resume", Link.MANAGE, "",
						HttpStatus.OK),
				page("deleted", HttpMethod.POST, "/alerts/manage/delete", Link.MANAGE, "", HttpStatus.OK),
				page("erase, asking to be sure", HttpMethod.GET, "/alerts/manage/erase", Link.MANAGE, null,
						HttpStatus.OK),
				page("erased", HttpMethod.POST, "/alerts/manage/erase", Link.MANAGE, "", HttpStatus.OK),
				page("unsubscribe", HttpMethod.GET, "/alerts/unsubscribe", Link.UNSUBSCRIBE, null, HttpStatus.OK),
				page("unsubscribed", HttpMethod.POST, "/alerts/unsubscribe", Link.UNSUBSCRIBE,
						"List-Unsubscribe=One-Click", HttpStatus.OK),
				page("this wasn't me", HttpMethod.GET, "/alerts/not-me", Link.NOT_ME, null, HttpStatus.OK),
				page("this wasn't me, erased", HttpMethod.POST, "/alerts/not-me", Link.NOT_ME, "", HttpStatus.OK),
				page("find my alerts", HttpMethod.GET, "/alerts/find", Link.NONE, null, HttpStatus.OK),
				page("find my alerts, with its problems", HttpMethod.POST, "/alerts/find", Link.NONE,
						"email=not-an-address", HttpStatus.OK),
				page("find my alerts, sent", HttpMethod.POST, "/alerts/find", Link.NONE, "email=" + uniqueEmail(),
						HttpStatus.OK),
				page("my alerts", HttpMethod.GET, "/alerts/mine", Link.ADDRESS, null, HttpStatus.OK),
				page("my alerts, erased", HttpMethod.POST, "/alerts/mine/erase", Link.ADDRESS, "", HttpStatus.OK),
				page("a link that does not work", HttpMethod.GET, "/alerts/manage", Link.FORGED, null,
						HttpStatus.NOT_FOUND),
				page("a method a page does not take", HttpMethod.GET, "/alerts/manage/delete", Link.MANAGE, null,
						HttpStatus.METHOD_NOT_ALLOWED),
				page("a page that does not exist", HttpMethod.GET, "/no-such-page", Link.NONE, null,
						HttpStatus.NOT_FOUND));
	}

	@ParameterizedTest
	@MethodSource("pages")
	void sendsThePageHeaders(HttpMethod method, String path, Link link, @Nullable String form, HttpStatus status) {
		String token = tokenOf(link);
		String uri = (token != null) ? path + "?token=" + token : path;
		RestTestClient.RequestBodySpec request = this.world.http()
			.method(method)
			.uri(uri)
			.accept(MediaType.TEXT_HTML, MediaType.ALL);
		if (form != null) {
			request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
		}
		EntityExchangeResult<String> answer = request.exchange().returnResult(String.class);
		assertThat(answer.getStatus()).isEqualTo(status);
		HttpHeaders headers = answer.getResponseHeaders();
		assertThat(headers.getFirst("Content-Security-Policy")).isNotNull()
			.contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
		if (token != null) {
			assertThat(headers.getCacheControl()).as("a URL with a token").isEqualTo("no-store");
		}
		String page = answer.getResponseBody();
		if (page != null && MediaType.TEXT_HTML.isCompatibleWith(headers.getContentType())) {
			assertThat(page).as("the service's own page").contains("/css/site.css");
			assertThat(page).as("no inline style").doesNotContain("<style").doesNotContain(" style=");
			assertThat(page).as("no inline script").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
		}
	}

	private @Nullable String tokenOf(Link link) {
		if (link == Link.NONE) {
			return null;
		}
		if (link == Link.FORGED) {
			return "bm90LWEtdG9rZW4.bm90LWEtbWFj";
		}
		String email = uniqueEmail();
		String alertId = this.world.candidates()
			.createAlert(email, Candidates.keywordCriteria(Candidates.uniqueWord()));
		if (link == Link.ADDRESS) {
			return addressToken(email);
		}
		JsonNode profile = this.world.profiles().await(alertId, (first) -> true);
		String url = switch (link) {
			case CONFIRM -> profile.path("confirmUrl").asString();
			case MANAGE -> profile.path("manageUrl").asString();
			case NOT_ME -> profile.path("notMeUrl").asString();
			default -> profile.path("unsubscribeUrl").asString();
		};
		return Candidates.tokenOf(url);
	}

	private String addressToken(String email) {
		this.world.http()
			.post()
			.uri("/api/v1/candidates/manage-link")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"email\": \"" + email + "\"}")
			.exchange()
			.expectStatus()
			.isAccepted();
		try (TopicReader notices = new TopicReader(Topics.NOTICES)) {
			return Candidates.tokenOf(
					notices
						.await(AddressQuotaIntegrationTests.addressKey(email),
								(notice) -> notice.path("kind").asString().equals("MANAGE_LINK"))
						.path("url")
						.asString());
		}
	}

	private static Arguments page(String name, HttpMethod method, String path, Link link, @Nullable String form,
			HttpStatus status) {
		return argumentSet(name, method, path, link, form, status);
	}

}

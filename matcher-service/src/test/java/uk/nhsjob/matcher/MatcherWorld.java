package uk.nhsjob.matcher;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.http.MediaType;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.client.RestTestClient;

import uk.nhsjob.common.Topics;
import uk.nhsjob.testsupport.kafka.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an integration test talks to: the service over HTTP, the profile and alert topics,
 * and the vacancy feed. Registered per test with
 * {@code @RegisterExtension final MatcherWorld world = new MatcherWorld();}; each reader
 * or producer is opened on first use and closed after the test.
 */
public final class MatcherWorld implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

	private final List<AutoCloseable> opened = new ArrayList<>();

	private @Nullable RestTestClient http;

	private @Nullable Candidates candidates;

	private @Nullable TopicReader profiles;

	private @Nullable TopicReader matches;

	private @Nullable VacancyFeed feed;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.http = SpringExtension.getApplicationContext(context).getBean(RestTestClient.class);
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		close();
	}

	/** Closes whatever the test opened. */
	@Override
	public void close() throws Exception {
		for (AutoCloseable resource : this.opened) {
			resource.close();
		}
		this.opened.clear();
		this.candidates = null;
		this.profiles = null;
		this.matches = null;
		this.feed = null;
	}

	public RestTestClient http() {
		if (this.http == null) {
			throw new IllegalStateException("Only inside a test of a @MatcherIntegrationTest class");
		}
		return this.http;
	}

	public Candidates candidates() {
		if (this.candidates == null) {
			this.candidates = new Candidates(http());
		}
		return this.candidates;
	}

	/** The profile topic, read from its beginning. */
	public TopicReader profiles() {
		this.profiles = (this.profiles != null) ? this.profiles : open(() -> new TopicReader(Topics.PROFILES));
		return this.profiles;
	}

	/** The alerts topic (welcome sets and matches), read from its beginning. */
	public TopicReader matches() {
		this.matches = (this.matches != null) ? this.matches : open(() -> new TopicReader(Topics.ALERTS));
		return this.matches;
	}

	public VacancyFeed feed() {
		this.feed = (this.feed != null) ? this.feed : open(VacancyFeed::new);
		return this.feed;
	}

	/** See {@link Candidates#createConfirmedAlert}. */
	public String createConfirmedAlert(String email, String criteriaJson) {
		return candidates().createConfirmedAlert(email, criteriaJson, profiles(), matches());
	}

	/** The token of the alert's manage link, from its first profile. */
	public String manageToken(String alertId) {
		return Candidates.manageToken(profiles(), alertId);
	}

	/** The token of the alert's unsubscribe link, from its first profile. */
	public String unsubscribeToken(String alertId) {
		return Candidates.unsubscribeToken(profiles(), alertId);
	}

	/** The HTML page at this address, once it has answered 200 with HTML. */
	public String page(String uriTemplate, Object... uriVariables) {
		String page = http().get()
			.uri(uriTemplate, uriVariables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.returnResult(String.class)
			.getResponseBody();
		assertThat(page).isNotNull();
		return page;
	}

	private <T extends AutoCloseable> T open(Supplier<T> opener) {
		T resource = opener.get();
		this.opened.add(resource);
		return resource;
	}

}

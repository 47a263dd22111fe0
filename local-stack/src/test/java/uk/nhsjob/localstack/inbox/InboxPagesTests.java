package uk.nhsjob.localstack.inbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InboxPagesTests {

	private static final String HOSTILE = "\"><script>alert('x')</script><img src=x onerror=alert(1)>";

	private final InboxPages pages = new InboxPages(ZoneOffset.UTC);

	@Test
	void listsMessagesWithEveryHeaderEscaped() {
		String page = this.pages.list(List.of(message(HOSTILE, "<b>text</b>", "<p>html</p>")));

		assertThat(page).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
		assertThat(page).contains("&quot;&gt;&lt;script&gt;").contains("evil&lt;x&gt;@example.test");
		assertThat(page).contains("<a href=\"/messages/1767225600000-0001\">");
		assertThat(page).contains("2026-01-01 00:00:00");
	}

	@Test
	void escapesAHostileSubjectAndTextPartOnTheMessagePage() {
		String page = this.pages.message(message(HOSTILE, "Hi </pre><script>alert(2)</script>", null));

		assertThat(page).doesNotContain("<script>", "<img", "</pre><script>");
		assertThat(page).contains(
				"<h1>&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</h1>");
		assertThat(page).contains("<pre>Hi &lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;</pre>");
		assertThat(page).doesNotContain("<iframe");
	}

	@Test
	void showsAnEmailsHtmlPartRenderedAndItsPlainTextPartBothAsTheCandidateWouldSeeThem() {
		String page = this.pages.message(message("2 new medical secretary jobs",
				"Medical Secretary - Dermatology\nApply: https://jobs.example.org/1",
				"<h1>2 new jobs</h1><p><a href=\"https://jobs.example.org/1\">Medical Secretary - Dermatology</a></p>"));

		assertThat(page).containsSubsequence("<h2>HTML</h2>", "<iframe", "srcdoc=\"", "&lt;h1&gt;2 new jobs&lt;/h1&gt;",
				"<h2>Plain text</h2>", "<pre>Medical Secretary - Dermatology",
				"<a href=\"https://jobs.example.org/1\"");
	}

	@Test
	void showsTheHtmlPartOnlyInAFrameSandboxedAgainstScriptsAndTheInboxOrigin() {
		String html = "<p onclick=\"alert(1)\">Hi</p><script>alert(document.cookie)</script>\"></iframe><script>alert(3)</script>";

		String page = this.pages.message(message("Welcome", null, html));

		Matcher frames = Pattern.compile("<iframe[^>]*>").matcher(page);
		assertThat(frames.find()).isTrue();
		String frame = frames.group();
		assertThat(frames.find()).as("one frame only").isFalse();
		Matcher sandbox = Pattern.compile(" sandbox=\"([^\"]*)\"").matcher(frame);
		assertThat(sandbox.find()).as("the frame is sandboxed").isTrue();
		assertThat(sandbox.group(1)).isEqualTo(InboxPages.SANDBOX)
			.doesNotContain("allow-scripts", "allow-same-origin", "allow-forms", "allow-top-navigation");
		Matcher srcdoc = Pattern.compile(" srcdoc=\"([^\"]*)\"").matcher(frame);
		assertThat(srcdoc.find()).as("the HTML is in srcdoc, escaped").isTrue();
		assertThat(srcdoc.group(1)).doesNotContain("<", ">")
			.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;&quot;&gt;&lt;/iframe&gt;")
			.startsWith("&lt;base target=&quot;_blank&quot;&gt;");
		assertThat(page.replace(frame, "")).doesNotContain("<script", "onclick");
	}

	@Test
	void linksOnlyWebAddressesInTheTextPart() {
		String page = this.pages.message(message("Links",
				"Confirm: https://localhost:8082/alerts/confirm?token=a&b=1. Not javascript:alert(1) \"https://x.example/\"><script>",
				null));

		assertThat(page).contains(
				"<a href=\"https://localhost:8082/alerts/confirm?token=a&amp;b=1\" target=\"_blank\" rel=\"noopener noreferrer\">https://localhost:8082/alerts/confirm?token=a&amp;b=1</a>.");
		assertThat(page).contains("Not javascript:alert(1)").doesNotContain("href=\"javascript");
		assertThat(page).contains("<a href=\"https://x.example/\"").doesNotContain("<script>");
	}

	@Test
	void forbidsScriptsAndForeignContentOnEveryPage() {
		assertThat(InboxPages.CONTENT_SECURITY_POLICY).startsWith("default-src 'none';")
			.doesNotContain("script-src")
			.contains("form-action 'none'")
			.contains("frame-ancestors 'none'");
	}

	private static MessageView message(String subject, String text, String html) {
		return new MessageView("1767225600000-0001", "sam@example.test", Instant.parse("2026-01-01T00:00:00Z"),
				Instant.parse("2026-01-01T00:00:00Z"), "evil<x>@example.test", "sam@example.test", subject, html, text,
				List.of());
	}

}

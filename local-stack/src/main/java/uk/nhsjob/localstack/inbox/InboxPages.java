package uk.nhsjob.localstack.inbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The inbox's HTML pages. Everything taken from a message is escaped; a message's HTML is
 * shown in an {@code iframe} whose {@code srcdoc} holds it escaped and whose
 * {@code sandbox} allows neither scripts nor the inbox's origin, only links that open in
 * a new tab.
 */
final class InboxPages {

	/**
	 * The sandbox of a message's HTML: no scripts, no same origin, no forms; links may
	 * open a tab.
	 */
	static final String SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

	/**
	 * The pages' Content-Security-Policy. It applies to the {@code srcdoc} frame as well:
	 * inline styles and images (data, https) only; nothing is fetched or run otherwise.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "img-src data: https:; frame-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

	private static final String STYLE = """
			body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#212b32;background:#f0f4f5}
			header{background:#005eb8;color:#fff;padding:.8rem 1.5rem}
			header a{color:#fff;text-decoration:none;font-weight:600}
			main{padding:1rem 1.5rem;max-width:72rem}
			table{border-collapse:collapse;width:100%;background:#fff}
			th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #d8dde0;vertical-align:top}
			td.date{white-space:nowrap;color:#4c6272}
			tr:hover td{background:#e8f1f8}
			dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;background:#fff;padding:.8rem}
			dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
			iframe{width:100%;height:36rem;border:1px solid #d8dde0;background:#fff}
			pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;padding:.8rem;border:1px solid #d8dde0}
			.empty{color:#4c6272}
			""";

	private final ZoneId zone;

	private final DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	InboxPages(ZoneId zone) {
		this.zone = zone;
	}

	/**
	 * Every message, newest first: date, to, subject. Refreshes itself every 10 seconds.
	 */
	String list(List<MessageView> messages) {
		StringBuilder body = new StringBuilder();
		body.append("<h1>Inbox</h1>\n");
		if (messages.isEmpty()) {
			body.append("<p class=\"empty\">No messages yet. Everything sent to the SMTP server shows here.</p>\n");
		}
		else {
			body.append("<p>").append(messages.size()).append(messages.size() == 1 ? " message" : " messages");
			body.append(", newest first.</p>\n");
			body.append("<table>\n<thead><tr><th>Received</th><th>To</th><th>From</th><th>Subject</th></tr></thead>\n");
			body.append("<tbody>\n");
			for (MessageView message : messages) {
				String link = "/messages/" + Html.escape(message.id());
				body.append("<tr><td class=\"date\">")
					.append(Html.escape(format(message.receivedAt())))
					.append("</td><td>")
					.append(Html.escape(message.toOrRecipient()))
					.append("</td><td>")
					.append(Html.escape(message.from()))
					.append("</td><td><a href=\"")
					.append(link)
					.append("\">")
					.append(Html.escape(subjectOf(message)))
					.append("</a></td></tr>\n");
			}
			body.append("</tbody>\n</table>\n");
		}
		return page("Inbox", "<meta http-equiv=\"refresh\" content=\"10\">\n", body.toString());
	}

	/**
	 * One message: its headers, its HTML part (sandboxed), its text part, a link to its
	 * source.
	 */
	String message(MessageView message) {
		StringBuilder body = new StringBuilder();
		body.append("<p><a href=\"/\">&larr; Inbox</a></p>\n");
		body.append("<h1>").append(Html.escape(subjectOf(message))).append("</h1>\n");
		body.append("<dl>\n");
		definition(body, "From", message.from());
		definition(body, "To", message.to());
		definition(body, "Delivered to", message.recipient());
		if (message.sentAt() != null) {
			definition(body, "Date", format(message.sentAt()));
		}
		definition(body, "Received", format(message.receivedAt()));
		body.append("</dl>\n");
		String raw = "/messages/" + Html.escape(message.id()) + "/raw";
		body.append("<p><a href=\"").append(raw).append("\">Raw source</a></p>\n");
		if (message.html() != null) {
			body.append("<h2>HTML</h2>\n");
			body.append("<iframe title=\"The message's HTML part\" sandbox=\"")
				.append(SANDBOX)
				.append("\" referrerpolicy=\"no-referrer\" srcdoc=\"")
				.append(Html.escape("<base target=\"_blank\">" + message.html()))
				.append("\"></iframe>\n");
		}
		if (message.text() != null) {
			body.append("<h2>Plain text</h2>\n<pre>").append(Html.escapeWithLinks(message.text())).append("</pre>\n");
		}
		if (message.html() == null && message.text() == null) {
			body.append("<p class=\"empty\">The message has no text or HTML part.</p>\n");
		}
		if (!message.attachments().isEmpty()) {
			body.append("<h2>Other parts</h2>\n<ul>\n");
			message.attachments().forEach((name) -> body.append("<li>").append(Html.escape(name)).append("</li>\n"));
			body.append("</ul>\n");
		}
		return page(subjectOf(message), "", body.toString());
	}

	String notFound() {
		return page("Not found", "", "<p><a href=\"/\">&larr; Inbox</a></p>\n<h1>No such message</h1>\n");
	}

	private String page(String title, String head, String body) {
		return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" + head + "<title>"
				+ Html.escape(title) + " · NHSJob Alerts local inbox</title>\n<style>\n" + STYLE + "</style>\n"
				+ "</head>\n<body>\n<header><a href=\"/\">NHSJob Alerts · local inbox</a></header>\n<main>\n" + body
				+ "</main>\n</body>\n</html>\n";
	}

	private static void definition(StringBuilder body, String term, String value) {
		body.append("<dt>").append(term).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
	}

	private static String subjectOf(MessageView message) {
		return message.subject().isBlank() ? "(no subject)" : message.subject();
	}

	private String format(Instant instant) {
		return this.dateTime.format(instant.atZone(this.zone));
	}

}

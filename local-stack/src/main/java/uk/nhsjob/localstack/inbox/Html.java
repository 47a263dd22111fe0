package uk.nhsjob.localstack.inbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text made safe to print into HTML, as element content or as a quoted attribute value.
 */
final class Html {

	private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"'`]+[^\\s<>\"'`.,;:!?)\\]}]");

	private Html() {
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/**
	 * Escapes the text and makes each http(s) address in it a link that opens a new tab.
	 */
	static String escapeWithLinks(String text) {
		StringBuilder html = new StringBuilder(text.length() + 64);
		Matcher address = WEB_ADDRESS.matcher(text);
		int from = 0;
		while (address.find()) {
			html.append(escape(text.substring(from, address.start())));
			String href = escape(address.group());
			html.append("<a href=\"")
				.append(href)
				.append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
				.append(href)
				.append("</a>");
			from = address.end();
		}
		return html.append(escape(text.substring(from))).toString();
	}

}

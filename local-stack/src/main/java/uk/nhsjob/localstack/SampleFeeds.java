package uk.nhsjob.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo feeds, one per format, with dates that are always current. The repository's
 * {@code samples/feeds/} holds them as templates whose dates are written relative to the
 * day they are filled in, e.g. {@code {{today+30|dd/MM/yyyy}}} for thirty days ahead as a
 * trust's system writes it ({@code {{today-5|yyyy-MM-dd}}}: five days ago). Each time the
 * stack starts it writes them filled in with today's date under its data folder
 * ({@code .local-stack/samples/}), so a feed pushed from there is open whenever it is
 * pushed; the two pages of an NHS Jobs search that the stack serves to its demo pull
 * source ({@link DemoPullSite}) are written there too. The ingest service's tests fill
 * the templates with {@link #fill} too.
 */
public final class SampleFeeds {

	/**
	 * The feeds, as the repository's {@code samples/feeds/} and the data folder name
	 * them.
	 */
	static final List<String> FILES = List.of("demo-feed.json", "demo-feed.jsonld", "demo-feed.xml", "demo-feed.csv",
			DemoPullSite.PAGE_FILES.get(0), DemoPullSite.PAGE_FILES.get(1));

	private static final Pattern DATE = Pattern.compile("\\{\\{today([+-]\\d+)?\\|([^}]+)}}");

	private SampleFeeds() {
	}

	/** The template with each of its dates written as from {@code today}. */
	public static String fill(String template, LocalDate today) {
		Matcher date = DATE.matcher(template);
		StringBuilder filled = new StringBuilder();
		while (date.find()) {
			long days = (date.group(1) != null) ? Long.parseLong(date.group(1)) : 0;
			String text = today.plusDays(days).format(DateTimeFormatter.ofPattern(date.group(2), Locale.UK));
			date.appendReplacement(filled, Matcher.quoteReplacement(text));
		}
		return date.appendTail(filled).toString();
	}

	/**
	 * Writes every feed of {@code templates} into {@code target}, its dates as from
	 * {@code today}, and answers the files written.
	 */
	static List<Path> write(Path templates, Path target, LocalDate today) {
		try {
			Files.createDirectories(target);
			List<Path> written = new ArrayList<>();
			for (String file : FILES) {
				String template = Files.readString(templates.resolve(file), StandardCharsets.UTF_8);
				written.add(Files.writeString(target.resolve(file), fill(template, today), StandardCharsets.UTF_8));
			}
			return written;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the sample feeds to " + target, ex);
		}
	}

}

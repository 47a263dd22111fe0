package uk.nhsjob.ingest.feed.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import uk.nhsjob.ingest.feed.SafeXml;
import uk.nhsjob.ingest.normalise.RawVacancy;

/**
 * The NHS Jobs XML shape: a root {@code nhsJobs}, {@code nhsSearch} or {@code vacancies}
 * holding {@code vacancyDetails} or {@code vacancy} elements, read with StAX one vacancy
 * at a time. A DTD, an entity reference the XML standard does not define, or an XInclude
 * refuses the whole document.
 */
@Component
class NhsJobsXmlFeed implements FeedReader {

	static final Set<String> ROOTS = Set.of("nhsJobs", "nhsSearch", "vacancies");

	static final Set<String> VACANCIES = Set.of("vacancyDetails", "vacancy");

	/** Between the places written as the text of {@code <locations>}. */
	private static final Pattern PLACE_SEPARATOR = Pattern.compile(";");

	private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n]+");

	private static final String XINCLUDE = "http://www.w3.org/2001/XInclude";

	/** XML element names onto the native field names; elements not named are ignored. */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("id", "externalId"),
			Map.entry("reference", "reference"), Map.entry("title", "title"), Map.entry("employer", "employerName"),
			Map.entry("description", "description"), Map.entry("salary", "salary"), Map.entry("type", "contractType"),
			Map.entry("postDate", "postedAt"), Map.entry("closeDate", "closingDate"), Map.entry("url", "applyUrl"),
			Map.entry("band", "band"), Map.entry("hours", "hours"), Map.entry("workingPattern", "workingPattern"),
			Map.entry("specialty", "specialty"));

	@Override
	public List<MediaType> contentTypes() {
		return List.of(MediaType.APPLICATION_XML, MediaType.TEXT_XML);
	}

	@Override
	public void read(byte[] document, Consumer<FeedEntry> each) throws UnreadableFeedException {
		XMLStreamReader xml = null;
		try {
			xml = SafeXml.reader(document);
			readDocument(xml, each);
		}
		catch (XMLStreamException ex) {
			throw notXml(ex);
		}
		catch (HandedOnFailure ex) {
			throw ex.failure;
		}
		catch (RuntimeException ex) {
			// the JDK's parser reports some malformed input (bad encodings) unchecked
			throw UnreadableFeedException.atLine("The body is not well-formed XML: " + ex.getMessage(),
					line((xml != null) ? xml.getLocation() : null));
		}
		finally {
			close(xml);
		}
	}

	private void readDocument(XMLStreamReader xml, Consumer<FeedEntry> each)
			throws XMLStreamException, UnreadableFeedException {
		int index = 0;
		int depth = 0;
		while (xml.hasNext()) {
			int event = xml.next();
			refuseHostile(xml, event);
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
				String name = xml.getLocalName();
				if (depth == 1 && !ROOTS.contains(name)) {
					throw UnreadableFeedException.atLine(
							"The root element is <" + name
									+ ">; an NHS Jobs feed has <nhsJobs>, <nhsSearch> or <vacancies>.",
							line(xml.getLocation()));
				}
				if (depth > 1 && VACANCIES.contains(name)) {
					FeedEntry entry = new FeedEntry(index++, null, vacancy(xml));
					try {
						each.accept(entry);
					}
					catch (RuntimeException ex) {
						throw new HandedOnFailure(ex);
					}
					depth--;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/** Reads a vacancy element to its end tag. */
	private RawVacancy vacancy(XMLStreamReader xml) throws XMLStreamException, UnreadableFeedException {
		Map<String, String> fields = new LinkedHashMap<>();
		List<String> locations = new ArrayList<>();
		while (true) {
			int event = xml.next();
			refuseHostile(xml, event);
			if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			String name = xml.getLocalName();
			if ("locations".equals(name)) {
				readLocations(xml, locations);
				continue;
			}
			String text = text(xml);
			if ("location".equals(name)) {
				if (!text.isBlank()) {
					locations.add(text);
				}
			}
			else if (FIELDS.containsKey(name) && !text.isBlank()) {
				fields.putIfAbsent(FIELDS.get(name), text);
			}
		}
		Locations.Place place = Locations.parse(locations.isEmpty() ? null : locations.get(0));
		if (place.town() != null) {
			fields.putIfAbsent("town", place.town());
		}
		if (place.postcode() != null) {
			fields.putIfAbsent("postcode", place.postcode());
		}
		return RawVacancy.of(fields, List.of());
	}

	/**
	 * A {@code <locations>} element: the places of its {@code <location>} children, or,
	 * when it has none, its own text ({@code <locations>Leeds, LS1 3EX</locations>}), one
	 * place a line or between semicolons.
	 */
	private void readLocations(XMLStreamReader xml, List<String> locations)
			throws XMLStreamException, UnreadableFeedException {
		StringBuilder ownText = new StringBuilder();
		List<String> children = new ArrayList<>();
		while (true) {
			int event = xml.next();
			refuseHostile(xml, event);
			switch (event) {
				case XMLStreamConstants.END_ELEMENT -> {
					if (children.isEmpty()) {
						ownPlaces(ownText.toString(), locations);
					}
					locations.addAll(children);
					return;
				}
				case XMLStreamConstants.START_ELEMENT -> {
					String child = text(xml);
					if (!child.isBlank()) {
						children.add(child);
					}
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
					ownText.append(xml.getText());
				default -> {
					// comments and processing instructions carry nothing
				}
			}
		}
	}

	/**
	 * The places of a {@code <locations>} element's own text: separated by semicolons or
	 * line breaks, but lines before the one that ends with a postcode are that place's
	 * address written over several lines ({@code Leeds General Infirmary,} then
	 * {@code Leeds, LS1 3EX}).
	 */
	private static void ownPlaces(String text, List<String> locations) {
		for (String written : PLACE_SEPARATOR.split(text)) {
			List<String> lines = new ArrayList<>();
			for (String line : LINE_BREAK.split(written)) {
				if (!line.isBlank()) {
					lines.add(withoutTrailingComma(line.trim()));
				}
			}
			int place = 0;
			for (int i = 0; i < lines.size(); i++) {
				if (Locations.parse(lines.get(i)).postcode() != null) {
					locations.add(String.join(", ", lines.subList(place, i + 1)));
					place = i + 1;
				}
			}
			locations.addAll(lines.subList(place, lines.size()));
		}
	}

	private static String withoutTrailingComma(String line) {
		return line.endsWith(",") ? line.substring(0, line.length() - 1).trim() : line;
	}

	/**
	 * All the text inside the current element, nested elements included (HTML written as
	 * XHTML), to its end tag; a space between elements so that words stay apart.
	 */
	private String text(XMLStreamReader xml) throws XMLStreamException, UnreadableFeedException {
		StringBuilder text = new StringBuilder();
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			refuseHostile(xml, event);
			switch (event) {
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
					text.append(xml.getText());
				case XMLStreamConstants.START_ELEMENT -> {
					depth++;
					text.append(' ');
				}
				case XMLStreamConstants.END_ELEMENT -> {
					depth--;
					text.append(' ');
				}
				default -> {
					// comments and processing instructions carry nothing
				}
			}
		}
		return text.toString().trim();
	}

	private static void refuseHostile(XMLStreamReader xml, int event) throws UnreadableFeedException {
		if (event == XMLStreamConstants.DTD) {
			throw UnreadableFeedException.atLine(
					"The document has a DOCTYPE; DTDs and entity declarations are refused in feeds.",
					line(xml.getLocation()));
		}
		if (event == XMLStreamConstants.ENTITY_REFERENCE) {
			throw UnreadableFeedException.atLine(
					"The document refers to the entity &" + xml.getLocalName() + ";, which feeds may not use.",
					line(xml.getLocation()));
		}
		if (event == XMLStreamConstants.START_ELEMENT && XINCLUDE.equals(xml.getNamespaceURI())) {
			throw UnreadableFeedException.atLine("The document uses XInclude, which feeds may not use.",
					line(xml.getLocation()));
		}
	}

	private static UnreadableFeedException notXml(XMLStreamException ex) {
		Integer line = line(ex.getLocation());
		String message = ex.getMessage();
		// the JDK prefixes its message with the location; say it once, our way
		if (message != null && message.startsWith("ParseError at")) {
			int start = message.indexOf("Message: ");
			message = (start >= 0) ? message.substring(start + "Message: ".length()) : message;
		}
		return UnreadableFeedException.atLine(
				"The body is not well-formed XML" + ((line != null) ? " (line " + line + ")" : "") + ": " + message,
				line);
	}

	private static @Nullable Integer line(@Nullable Location location) {
		return (location != null && location.getLineNumber() > 0) ? location.getLineNumber() : null;
	}

	private static void close(@Nullable XMLStreamReader xml) {
		if (xml != null) {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing to release beyond the bytes in memory
			}
		}
	}

	/** A failure of whoever took a vacancy, not of the document: passed on as it is. */
	private static final class HandedOnFailure extends RuntimeException {

		private final RuntimeException failure;

		HandedOnFailure(RuntimeException failure) {
			super(failure);
			this.failure = failure;
		}

	}

}

package uk.nhsjob.ingest.pull.fetch;

import java.net.URI;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.web.util.UriComponentsBuilder;

import uk.nhsjob.ingest.feed.SafeXml;

/**
 * NHS Jobs search results come in pages: the first names their number in
 * {@code <totalPages>} under its root, and page N is the same URL with {@code page=N}.
 * The XML is read with no DTD and no external entity, as the feed reader reads it.
 */
final class NhsJobsPages {

	private NhsJobsPages() {
	}

	/**
	 * The number of pages the first page announces; 1 when it announces none or is not
	 * XML (the feed reader then says what is wrong with it).
	 */
	static int totalPages(byte[] firstPage) {
		XMLStreamReader xml = null;
		try {
			xml = SafeXml.reader(firstPage);
			int depth = 0;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
					if (depth == 2 && "totalPages".equals(xml.getLocalName())) {
						return Math.max(1, Integer.parseInt(xml.getElementText().strip()));
					}
					if (depth == 2) {
						skipElement(xml);
						depth--;
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
			}
			return 1;
		}
		catch (XMLStreamException | RuntimeException ex) {
			return 1;
		}
		finally {
			close(xml);
		}
	}

	/** The URL of page {@code page}: its {@code page} parameter added or replaced. */
	static URI page(URI url, int page) {
		return UriComponentsBuilder.fromUri(url).replaceQueryParam("page", page).build(true).toUri();
	}

	private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	private static void close(XMLStreamReader xml) {
		if (xml != null) {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing is held open for a byte array
			}
		}
	}

}

package uk.nhsjob.ingest.feed;

import java.io.ByteArrayInputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX that reads nothing but the document: no DTD, no external entity, no external
 * resource of any kind. A DOCTYPE is refused outright by the reader, so these settings
 * are a second line: should one be missed, the parser fails rather than fetches.
 */
public final class SafeXml {

	private static final XMLInputFactory FACTORY = factory();

	private SafeXml() {
	}

	public static XMLStreamReader reader(byte[] document) throws XMLStreamException {
		return FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
	}

	private static XMLInputFactory factory() {
		// the JDK's own parser, whatever else is on the class path
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		// errors are thrown to the reader; nothing is printed
		factory.setXMLReporter((message, type, info, location) -> {
		});
		factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("External resources are refused: " + systemId);
		});
		return factory;
	}

}

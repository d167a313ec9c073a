package org.clausecam.notify;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes an Atom feed (RFC 4287) with the JDK's StAX writer, which escapes text and attributes. */
final class AtomWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomWriter() {
    }

    static void write(OutputStream out, String feedId, String title, String selfLink, String alternateLink,
                      String generatorVersion, Instant updated, List<FeedEntry> entries) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.setDefaultNamespace(ATOM);
        xml.writeStartElement(ATOM, "feed");
        xml.writeDefaultNamespace(ATOM);
        element(xml, "id", feedId);
        element(xml, "title", title);
        element(xml, "updated", date(updated));
        xml.writeStartElement(ATOM, "author");
        element(xml, "name", "Clausecam");
        xml.writeEndElement();
        xml.writeStartElement(ATOM, "generator");
        xml.writeAttribute("version", generatorVersion);
        xml.writeCharacters("Clausecam");
        xml.writeEndElement();
        if (selfLink != null) link(xml, "self", selfLink);
        if (alternateLink != null) link(xml, "alternate", alternateLink);
        for (FeedEntry e : entries) {
            xml.writeCharacters("\n");
            xml.writeStartElement(ATOM, "entry");
            element(xml, "id", e.id());
            element(xml, "title", e.title());
            element(xml, "updated", date(e.updated()));
            if (e.link() != null) link(xml, "alternate", e.link());
            xml.writeStartElement(ATOM, "summary");
            xml.writeAttribute("type", "text");
            xml.writeCharacters(e.summary());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    /** RFC 3339 as Atom requires, in UTC to the second. */
    private static String date(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}

package org.vigie.cap.internal;

import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** A StAX writer that indents by two spaces and writes text-only elements on one line. Not thread-safe. */
final class XmlOut implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter out;
    private final String namespace;
    private int depth;

    XmlOut(OutputStream stream, String namespace) throws XMLStreamException {
        synchronized (FACTORY) {
            out = FACTORY.createXMLStreamWriter(stream, "UTF-8");
        }
        this.namespace = namespace;
        out.writeStartDocument("UTF-8", "1.0");
    }

    /** Opens the root element, declaring the default namespace and {@code prefix → uri} pairs. */
    XmlOut root(String name, String... prefixesAndUris) throws XMLStreamException {
        newline();
        out.setDefaultNamespace(namespace);
        for (int i = 0; i + 1 < prefixesAndUris.length; i += 2) {
            out.setPrefix(prefixesAndUris[i], prefixesAndUris[i + 1]);
        }
        out.writeStartElement("", name, namespace);
        out.writeDefaultNamespace(namespace);
        for (int i = 0; i + 1 < prefixesAndUris.length; i += 2) {
            out.writeNamespace(prefixesAndUris[i], prefixesAndUris[i + 1]);
        }
        depth++;
        return this;
    }

    XmlOut start(String name) throws XMLStreamException {
        return start(namespace, name);
    }

    XmlOut start(String ns, String name) throws XMLStreamException {
        newline();
        out.writeStartElement(ns, name);
        depth++;
        return this;
    }

    XmlOut attribute(String name, String value) throws XMLStreamException {
        out.writeAttribute(name, checked(name, value));
        return this;
    }

    XmlOut end() throws XMLStreamException {
        depth--;
        newline();
        out.writeEndElement();
        return this;
    }

    /** A text-only element; nothing when {@code text} is {@code null}. */
    XmlOut leaf(String name, String text) throws XMLStreamException {
        return leaf(namespace, name, text);
    }

    XmlOut leaf(String ns, String name, String text) throws XMLStreamException {
        if (text != null) {
            newline();
            out.writeStartElement(ns, name);
            out.writeCharacters(checked(name, text));
            out.writeEndElement();
        }
        return this;
    }

    /** An empty element with attributes given as name/value pairs (null values skipped). */
    XmlOut empty(String name, String... attributes) throws XMLStreamException {
        newline();
        out.writeEmptyElement(namespace, name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.writeAttribute(attributes[i], checked(attributes[i], attributes[i + 1]));
            }
        }
        return this;
    }

    private void newline() throws XMLStreamException {
        out.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String checked(String name, String text) {
        int bad = CapText.firstNonXmlChar(text);
        if (bad >= 0) {
            throw new IllegalArgumentException("<" + name + "> contains character U+"
                    + String.format("%04X", text.codePointAt(bad)) + " at index " + bad + ", which XML 1.0 cannot carry");
        }
        return text;
    }

    @Override
    public void close() throws XMLStreamException {
        out.writeCharacters("\n");
        out.writeEndDocument();
        out.flush();
        out.close();
    }
}

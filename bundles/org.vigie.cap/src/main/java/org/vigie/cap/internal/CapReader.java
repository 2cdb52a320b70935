package org.vigie.cap.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CAP 1.2 documents (namespace {@value CapAlert#NAMESPACE}, with or without a prefix, with or without a
 * byte-order mark) into {@link CapAlert}s, with StAX. DTDs are refused and no external entity is ever resolved.
 * <p>
 * Reading is tolerant of what the schema forbids but a reader can still make sense of — elements out of order,
 * elements CAP does not define (skipped, like {@code ds:Signature}), polygons that are not closed rings — and strict
 * about what it cannot: a missing required element, a value outside a CAP code list, a malformed time, number or
 * coordinate. To check conformance, validate with {@link CapValidator} first. Thread-safe.
 */
public final class CapReader {

    private final XMLInputFactory factory;

    public CapReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** Reads a file. */
    public CapAlert read(Path file) throws CapFormatException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads a document held in memory. */
    public CapAlert read(byte[] document) throws CapFormatException {
        return read(new ByteArrayInputStream(document));
    }

    /** Reads a document from a stream (its encoding from the XML declaration or byte-order mark); not closed. */
    public CapAlert read(InputStream in) throws CapFormatException {
        Element root;
        XMLStreamReader reader = null;
        try {
            synchronized (factory) {
                // a factory is not guaranteed thread-safe; only creating the reader is locked, not reading
                reader = factory.createXMLStreamReader(in);
            }
            root = tree(reader);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new CapFormatException("not well-formed XML: " + cleanMessage(e), at == null ? -1
                    : at.getLineNumber(), at == null ? -1 : at.getColumnNumber(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
        if (!CapAlert.NAMESPACE.equals(root.namespace) || !"alert".equals(root.name)) {
            throw root.error("the root element is {" + root.namespace + "}" + root.name + ", not a CAP 1.2 <alert> in "
                    + CapAlert.NAMESPACE, null);
        }
        return alert(root);
    }

    private static String cleanMessage(XMLStreamException e) {
        String message = e.getMessage();
        int i = message.indexOf("Message: ");
        return i >= 0 ? message.substring(i + "Message: ".length()) : message;
    }

    // ---- building a small tree with locations ----

    private static Element tree(XMLStreamReader reader) throws XMLStreamException, CapFormatException {
        Element root = null;
        List<Element> stack = new ArrayList<>();
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> {
                    Location at = reader.getLocation();
                    throw new CapFormatException("a DOCTYPE is not allowed in a CAP document", at.getLineNumber(),
                            at.getColumnNumber(), null);
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    Location at = reader.getLocation();
                    String ns = reader.getNamespaceURI();
                    Element e = new Element(ns == null ? "" : ns, reader.getLocalName(), at.getLineNumber(),
                            at.getColumnNumber());
                    if (stack.isEmpty()) {
                        root = e;
                    } else {
                        stack.get(stack.size() - 1).children.add(e);
                    }
                    stack.add(e);
                }
                case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!stack.isEmpty()) {
                        stack.get(stack.size() - 1).text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    Location at = reader.getLocation();
                    throw new CapFormatException("undeclared entity &" + reader.getLocalName() + ";",
                            at.getLineNumber(), at.getColumnNumber(), null);
                }
                default -> {
                    // comments, processing instructions (e.g. xml-stylesheet), document start/end
                }
            }
        }
        if (root == null) {
            throw new CapFormatException("no root element", -1, -1, null);
        }
        return root;
    }

    /** An element as read: CAP children by local name, with where it started. */
    private static final class Element {
        final String namespace;
        final String name;
        final int line;
        final int column;
        final StringBuilder text = new StringBuilder();
        final List<Element> children = new ArrayList<>();

        Element(String namespace, String name, int line, int column) {
            this.namespace = namespace;
            this.name = name;
            this.line = line;
            this.column = column;
        }

        CapFormatException error(String message, Throwable cause) {
            return new CapFormatException(message, line, column, cause);
        }

        List<Element> all(String child) {
            List<Element> list = new ArrayList<>();
            for (Element e : children) {
                if (CapAlert.NAMESPACE.equals(e.namespace) && e.name.equals(child)) {
                    list.add(e);
                }
            }
            return list;
        }

        Element first(String child) {
            List<Element> list = all(child);
            return list.isEmpty() ? null : list.get(0);
        }

        Element required(String child) throws CapFormatException {
            Element e = first(child);
            if (e == null) {
                throw error("<" + name + "> has no <" + child + ">, which CAP 1.2 requires", null);
            }
            return e;
        }

        /** @return the text of the first such child, as written, or {@code null} when absent */
        String optionalText(String child) {
            Element e = first(child);
            return e == null ? null : e.text.toString();
        }

        String requiredText(String child) throws CapFormatException {
            return required(child).text.toString();
        }
    }

    // ---- mapping to the model ----

    private static CapAlert alert(Element a) throws CapFormatException {
        List<CapInfo> infos = new ArrayList<>();
        for (Element info : a.all("info")) {
            infos.add(info(info));
        }
        List<String> codes = new ArrayList<>();
        for (Element code : a.all("code")) {
            codes.add(code.text.toString());
        }
        return new CapAlert(a.requiredText("identifier"), a.requiredText("sender"), time(a.required("sent")),
                code(a.required("status"), CapAlert.Status.class), code(a.required("msgType"), CapAlert.MsgType.class),
                a.optionalText("source"), code(a.required("scope"), CapAlert.Scope.class),
                a.optionalText("restriction"), a.optionalText("addresses"), codes, a.optionalText("note"),
                a.optionalText("references"), a.optionalText("incidents"), infos);
    }

    private static CapInfo info(Element i) throws CapFormatException {
        Element language = i.first("language");
        List<CapInfo.Category> categories = new ArrayList<>();
        for (Element c : i.all("category")) {
            categories.add(code(c, CapInfo.Category.class));
        }
        if (categories.isEmpty()) {
            throw i.error("<info> has no <category>, which CAP 1.2 requires", null);
        }
        List<CapInfo.ResponseType> responses = new ArrayList<>();
        for (Element r : i.all("responseType")) {
            responses.add(code(r, CapInfo.ResponseType.class));
        }
        List<CapResource> resources = new ArrayList<>();
        for (Element r : i.all("resource")) {
            Element size = r.first("size");
            resources.add(new CapResource(r.requiredText("resourceDesc"), r.requiredText("mimeType"),
                    size == null ? null : parsed(size, s -> Long.valueOf(s.strip()), "a size in bytes"),
                    r.optionalText("uri"), r.optionalText("derefUri"), r.optionalText("digest")));
        }
        List<CapArea> areas = new ArrayList<>();
        for (Element area : i.all("area")) {
            areas.add(area(area));
        }
        return new CapInfo(language == null ? null : language.text.toString().strip(), categories,
                i.requiredText("event"), responses, code(i.required("urgency"), CapInfo.Urgency.class),
                code(i.required("severity"), CapInfo.Severity.class),
                code(i.required("certainty"), CapInfo.Certainty.class), i.optionalText("audience"),
                values(i, "eventCode"), optionalTime(i, "effective"), optionalTime(i, "onset"),
                optionalTime(i, "expires"), i.optionalText("senderName"), i.optionalText("headline"),
                i.optionalText("description"), i.optionalText("instruction"), i.optionalText("web"),
                i.optionalText("contact"), values(i, "parameter"), resources, areas);
    }

    private static CapArea area(Element a) throws CapFormatException {
        List<CapPolygon> polygons = new ArrayList<>();
        for (Element p : a.all("polygon")) {
            polygons.add(parsed(p, CapPolygon::parse, "a polygon 'lat,lon lat,lon …'"));
        }
        List<CapCircle> circles = new ArrayList<>();
        for (Element c : a.all("circle")) {
            circles.add(parsed(c, CapCircle::parse, "a circle 'lat,lon radius'"));
        }
        Element altitude = a.first("altitude");
        Element ceiling = a.first("ceiling");
        return new CapArea(a.requiredText("areaDesc"), polygons, circles, values(a, "geocode"),
                altitude == null ? null : parsed(altitude, s -> new BigDecimal(s.strip()), "a decimal altitude"),
                ceiling == null ? null : parsed(ceiling, s -> new BigDecimal(s.strip()), "a decimal ceiling"));
    }

    private static List<CapValue> values(Element parent, String name) throws CapFormatException {
        List<CapValue> values = new ArrayList<>();
        for (Element e : parent.all(name)) {
            values.add(new CapValue(e.requiredText("valueName"), e.requiredText("value")));
        }
        return values;
    }

    private static OffsetDateTime optionalTime(Element parent, String name) throws CapFormatException {
        Element e = parent.first(name);
        return e == null ? null : time(e);
    }

    private static OffsetDateTime time(Element e) throws CapFormatException {
        try {
            return CapTimes.parse(e.text.toString());
        } catch (DateTimeParseException ex) {
            throw e.error("<" + e.name + "> '" + e.text.toString().strip()
                    + "' is not a date-time with an offset such as 2024-10-18T06:00:00-00:00", ex);
        }
    }

    private static <E extends Enum<E> & CapEnum> E code(Element e, Class<E> type) throws CapFormatException {
        String text = e.text.toString();
        return CapEnum.fromXml(type, text).orElseThrow(() -> {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                allowed.add(c.xml());
            }
            return e.error("<" + e.name + "> '" + text.strip() + "' is not one of " + String.join(", ", allowed),
                    null);
        });
    }

    private static <T> T parsed(Element e, Function<String, T> parser, String what) throws CapFormatException {
        try {
            return parser.apply(e.text.toString());
        } catch (IllegalArgumentException ex) {
            throw e.error("<" + e.name + "> is not " + what + ": " + ex.getMessage(), ex);
        }
    }
}

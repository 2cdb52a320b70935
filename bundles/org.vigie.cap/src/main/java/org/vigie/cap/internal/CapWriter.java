package org.vigie.cap.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import javax.xml.stream.XMLStreamException;

/**
 * Writes a {@link CapAlert} as one CAP 1.2 XML document (UTF-8, default namespace {@value CapAlert#NAMESPACE},
 * elements in the schema's order, two-space indentation, times as {@link CapTimes} says). Text is written as held:
 * nothing is trimmed. Stateless and thread-safe.
 */
public final class CapWriter {

    /** The media type of a CAP document. */
    public static final String MEDIA_TYPE = "application/cap+xml";

    /** @return the document */
    public byte[] write(CapAlert alert) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(alert, bytes);
        return bytes.toByteArray();
    }

    /**
     * Writes the document to {@code stream}, which is not closed.
     *
     * @throws IllegalArgumentException when a text holds a character XML 1.0 cannot carry
     */
    public void write(CapAlert alert, OutputStream stream) {
        try (XmlOut out = new XmlOut(stream, CapAlert.NAMESPACE)) {
            out.root("alert");
            out.leaf("identifier", alert.identifier());
            out.leaf("sender", alert.sender());
            out.leaf("sent", CapTimes.format(alert.sent()));
            out.leaf("status", alert.status().xml());
            out.leaf("msgType", alert.msgType().xml());
            out.leaf("source", alert.source());
            out.leaf("scope", alert.scope().xml());
            out.leaf("restriction", alert.restriction());
            out.leaf("addresses", alert.addresses());
            for (String code : alert.codes()) {
                out.leaf("code", code);
            }
            out.leaf("note", alert.note());
            out.leaf("references", alert.references());
            out.leaf("incidents", alert.incidents());
            for (CapInfo info : alert.infos()) {
                info(out, info);
            }
            out.end();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write CAP alert " + alert.identifier() + ": " + e.getMessage(), e);
        }
    }

    private static void info(XmlOut out, CapInfo info) throws XMLStreamException {
        out.start("info");
        out.leaf("language", info.language());
        for (CapInfo.Category category : info.categories()) {
            out.leaf("category", category.xml());
        }
        out.leaf("event", info.event());
        for (CapInfo.ResponseType response : info.responseTypes()) {
            out.leaf("responseType", response.xml());
        }
        out.leaf("urgency", info.urgency().xml());
        out.leaf("severity", info.severity().xml());
        out.leaf("certainty", info.certainty().xml());
        out.leaf("audience", info.audience());
        values(out, "eventCode", info.eventCodes());
        out.leaf("effective", info.effective() == null ? null : CapTimes.format(info.effective()));
        out.leaf("onset", info.onset() == null ? null : CapTimes.format(info.onset()));
        out.leaf("expires", info.expires() == null ? null : CapTimes.format(info.expires()));
        out.leaf("senderName", info.senderName());
        out.leaf("headline", info.headline());
        out.leaf("description", info.description());
        out.leaf("instruction", info.instruction());
        out.leaf("web", info.web());
        out.leaf("contact", info.contact());
        values(out, "parameter", info.parameters());
        for (CapResource resource : info.resources()) {
            out.start("resource");
            out.leaf("resourceDesc", resource.resourceDesc());
            out.leaf("mimeType", resource.mimeType());
            out.leaf("size", resource.size() == null ? null : resource.size().toString());
            out.leaf("uri", resource.uri());
            out.leaf("derefUri", resource.derefUri());
            out.leaf("digest", resource.digest());
            out.end();
        }
        for (CapArea area : info.areas()) {
            out.start("area");
            out.leaf("areaDesc", area.areaDesc());
            for (CapPolygon polygon : area.polygons()) {
                out.leaf("polygon", polygon.text());
            }
            for (CapCircle circle : area.circles()) {
                out.leaf("circle", circle.text());
            }
            values(out, "geocode", area.geocodes());
            out.leaf("altitude", decimal(area.altitude()));
            out.leaf("ceiling", decimal(area.ceiling()));
            out.end();
        }
        out.end();
    }

    private static void values(XmlOut out, String name, List<CapValue> values) throws XMLStreamException {
        for (CapValue value : values) {
            out.start(name);
            out.leaf("valueName", value.valueName());
            out.leaf("value", value.value());
            out.end();
        }
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}

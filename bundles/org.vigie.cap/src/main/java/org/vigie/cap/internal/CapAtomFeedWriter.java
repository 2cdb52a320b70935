package org.vigie.cap.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.xml.stream.XMLStreamException;

/**
 * Writes an Atom 1.0 (RFC 4287) index of CAP alerts, as alerting agencies publish them: one entry per alert, newest
 * first, each linking to its CAP document ({@code rel="alternate" type="application/cap+xml"}) and repeating the
 * main CAP fields in the CAP 1.2 namespace (prefix {@code cap}) so that a reader can filter without fetching every
 * document. The index fields come from the alert's first {@code info} in the feed's preferred language (else its
 * first). Atom dates are RFC 3339 UTC ({@code …Z}); the {@code cap:} fields keep CAP's format. Thread-safe.
 */
public final class CapAtomFeedWriter {

    /** The Atom namespace. */
    public static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The media type of the feed. */
    public static final String MEDIA_TYPE = "application/atom+xml";

    /**
     * What describes the feed itself.
     *
     * @param id       a permanent IRI, e.g. {@code urn:uuid:…} or the feed's URL
     * @param title    e.g. "Vigie — vigilance crues, Orléans Métropole"
     * @param self     the feed's own URL
     * @param author   the publisher's name
     * @param language the preferred {@code info} language for the index fields, e.g. {@code fr-FR}
     */
    public record Feed(String id, String title, URI self, String author, String language) {
        public Feed {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(self, "self");
            Objects.requireNonNull(author, "author");
        }
    }

    /**
     * @param feed     the feed's description
     * @param alerts   the alerts to list (e.g. those not expired), in any order
     * @param document where each alert's CAP document is served; also the entry id
     * @param updated  the feed's update time; typically now
     * @return the feed document
     */
    public byte[] write(Feed feed, List<CapAlert> alerts, Function<CapAlert, URI> document, Instant updated) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(feed, alerts, document, updated, bytes);
        return bytes.toByteArray();
    }

    /** As {@link #write(Feed, List, Function, Instant)}, to a stream that is not closed. */
    public void write(Feed feed, List<CapAlert> alerts, Function<CapAlert, URI> document, Instant updated,
                      OutputStream stream) {
        List<CapAlert> sorted = alerts.stream()
                .sorted(Comparator.comparing((CapAlert a) -> a.sent().toInstant()).reversed()
                        .thenComparing(CapAlert::identifier))
                .toList();
        try (XmlOut out = new XmlOut(stream, ATOM)) {
            out.root("feed", "cap", CapAlert.NAMESPACE);
            out.leaf("id", feed.id());
            out.leaf("title", feed.title());
            out.leaf("updated", atomTime(updated));
            out.empty("link", "rel", "self", "type", MEDIA_TYPE, "href", feed.self().toString());
            out.start("author").leaf("name", feed.author()).end();
            out.leaf("generator", "Vigie");
            for (CapAlert alert : sorted) {
                entry(out, feed, alert, document.apply(alert));
            }
            out.end();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the CAP Atom feed: " + e.getMessage(), e);
        }
    }

    private static void entry(XmlOut out, Feed feed, CapAlert alert, URI document) throws XMLStreamException {
        CapInfo info = alert.infos().stream().filter(i -> Objects.equals(i.language(), feed.language())).findFirst()
                .orElse(alert.infos().isEmpty() ? null : alert.infos().get(0));
        String title = info == null ? alert.msgType().xml() + " " + alert.identifier()
                : info.headline() != null ? info.headline() : info.event();
        out.start("entry");
        out.leaf("id", document.toString());
        out.leaf("title", title);
        out.leaf("updated", atomTime(alert.sent()));
        out.leaf("published", atomTime(alert.sent()));
        out.start("author").leaf("name", info != null && info.senderName() != null ? info.senderName()
                : alert.sender()).end();
        out.empty("link", "rel", "alternate", "type", CapWriter.MEDIA_TYPE, "href", document.toString());
        if (info != null && info.description() != null) {
            out.leaf("summary", info.description());
        }
        String cap = CapAlert.NAMESPACE;
        out.leaf(cap, "identifier", alert.identifier());
        out.leaf(cap, "sender", alert.sender());
        out.leaf(cap, "sent", CapTimes.format(alert.sent()));
        out.leaf(cap, "status", alert.status().xml());
        out.leaf(cap, "msgType", alert.msgType().xml());
        out.leaf(cap, "scope", alert.scope().xml());
        if (info != null) {
            out.leaf(cap, "language", info.language());
            for (CapInfo.Category category : info.categories()) {
                out.leaf(cap, "category", category.xml());
            }
            out.leaf(cap, "event", info.event());
            out.leaf(cap, "urgency", info.urgency().xml());
            out.leaf(cap, "severity", info.severity().xml());
            out.leaf(cap, "certainty", info.certainty().xml());
            out.leaf(cap, "effective", info.effective() == null ? null : CapTimes.format(info.effective()));
            out.leaf(cap, "onset", info.onset() == null ? null : CapTimes.format(info.onset()));
            out.leaf(cap, "expires", info.expires() == null ? null : CapTimes.format(info.expires()));
            if (!info.areas().isEmpty()) {
                out.leaf(cap, "areaDesc", info.areas().stream().map(CapArea::areaDesc)
                        .collect(Collectors.joining("; ")));
            }
            for (CapArea area : info.areas()) {
                for (CapPolygon polygon : area.polygons()) {
                    out.leaf(cap, "polygon", polygon.text());
                }
                for (CapCircle circle : area.circles()) {
                    out.leaf(cap, "circle", circle.text());
                }
            }
        }
        out.end();
    }

    private static String atomTime(OffsetDateTime time) {
        return atomTime(time.toInstant());
    }

    private static String atomTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

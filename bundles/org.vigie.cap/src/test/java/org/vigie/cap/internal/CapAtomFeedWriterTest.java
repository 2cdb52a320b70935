package org.vigie.cap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.vigie.api.AlertEvent.Basis;
import org.vigie.api.VigilanceLevel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom index lists every alert, newest first, linking to its CAP document. */
class CapAtomFeedWriterTest {

    @Test
    void indexesAlertsNewestFirst() throws Exception {
        VigieCapFactory factory = new VigieCapFactory(CapSettings.of("vigie@orleans-metropole.fr", "Vigie"));
        CapAlert yellow = factory.create(VigieAlert.of(VigieCapFactoryTest.event("a1", VigilanceLevel.GREEN,
                VigilanceLevel.YELLOW, Basis.OBSERVED, 2.6, VigieCapFactoryTest.CREATED), "Pont Royal", "Orléans"));
        CapAlert orange = factory.create(VigieAlert.of(new org.vigie.api.AlertEvent("a2",
                VigieCapFactoryTest.STATION, org.vigie.api.AlertEvent.Transition.ESCALATED, VigilanceLevel.ORANGE,
                VigilanceLevel.YELLOW, Basis.FORECAST, org.vigie.api.Quantity.H, 4.2,
                VigieCapFactoryTest.CREATED.plusSeconds(7 * 3600), null,
                VigieCapFactoryTest.CREATED.plusSeconds(3600), ""), "Pont Royal", "Orléans")
                .withArea(List.of(VigieCapFactoryTest.RING)).withReferences(List.of(yellow.reference())));
        URI base = URI.create("https://vigie.example.org/api/alerts/cap/");
        byte[] feed = new CapAtomFeedWriter().write(
                new CapAtomFeedWriter.Feed("urn:vigie:orleans:cap", "Vigie — vigilance crues", base.resolve("feed"),
                        "Orléans Métropole", "fr-FR"),
                List.of(yellow, orange), a -> base.resolve(a.identifier() + ".xml"),
                Instant.parse("2024-10-18T08:00:00.5Z"));

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(feed));
        Element root = doc.getDocumentElement();
        assertEquals(CapAtomFeedWriter.ATOM, root.getNamespaceURI());
        assertEquals("2024-10-18T08:00:00Z", text(root, CapAtomFeedWriter.ATOM, "updated"));
        NodeList entries = root.getElementsByTagNameNS(CapAtomFeedWriter.ATOM, "entry");
        assertEquals(2, entries.getLength());
        Element first = (Element) entries.item(0);
        assertEquals("https://vigie.example.org/api/alerts/cap/a2.xml", text(first, CapAtomFeedWriter.ATOM, "id"));
        Element link = (Element) first.getElementsByTagNameNS(CapAtomFeedWriter.ATOM, "link").item(0);
        assertEquals("application/cap+xml", link.getAttribute("type"));
        assertEquals("https://vigie.example.org/api/alerts/cap/a2.xml", link.getAttribute("href"));
        assertEquals("Vigilance orange crues — Pont Royal", text(first, CapAtomFeedWriter.ATOM, "title"));
        assertEquals("Severe", text(first, CapAlert.NAMESPACE, "severity"));
        assertEquals("Update", text(first, CapAlert.NAMESPACE, "msgType"));
        assertEquals("2024-10-18T07:00:00+00:00", text(first, CapAlert.NAMESPACE, "sent"));
        assertEquals("47.89,1.87 47.89,1.94 47.91,1.94 47.91,1.87 47.89,1.87",
                text(first, CapAlert.NAMESPACE, "polygon"));
        assertEquals("a1", text((Element) entries.item(1), CapAlert.NAMESPACE, "identifier"));
    }

    private static String text(Element parent, String ns, String name) {
        return parent.getElementsByTagNameNS(ns, name).item(0).getTextContent();
    }
}

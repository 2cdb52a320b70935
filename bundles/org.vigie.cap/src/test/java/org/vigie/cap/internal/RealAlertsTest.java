package org.vigie.cap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The twelve real agency alerts of {@code ../shared/data/cap-1.2/alerts}: each validates as published, is read, and
 * survives read → write → validate → read unchanged.
 */
class RealAlertsTest {

    private final CapReader reader = new CapReader();
    private final CapWriter writer = new CapWriter();

    @Test
    void everyRealAlertIsReadAndRoundTrips() throws Exception {
        CapValidator validator = CapSharedData.validator();
        List<Path> files = CapSharedData.files("alerts");
        assertEquals(12, files.size(), "SOURCE.md lists 12 valid alerts");
        for (Path file : files) {
            validator.validate(file);
            CapAlert read = reader.read(file);
            byte[] written = writer.write(read);
            validator.validate(written, "re-written " + file.getFileName());
            CapAlert again = reader.read(written);
            assertEquals(read, again, () -> file.getFileName() + " changed in the round trip:\n"
                    + new String(written, java.nio.charset.StandardCharsets.UTF_8));
            // writing is deterministic: a second round gives the same bytes
            assertEquals(new String(written, java.nio.charset.StandardCharsets.UTF_8),
                    new String(writer.write(again), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void environmentAgencySevereFloodWarning() throws Exception {
        CapAlert alert = reader.read(CapSharedData.file("alerts/ea-uk_severe-flood-warning_wainfleet_2020-02-16.xml"));
        assertEquals("50385fcb0ab7aa447bbd46d848ce8466E", alert.identifier());
        assertEquals(OffsetDateTime.of(2020, 2, 16, 23, 1, 13, 0, ZoneOffset.UTC), alert.sent());
        assertEquals(CapAlert.MsgType.UPDATE, alert.msgType());
        List<CapReference> references = alert.referenceList();
        assertEquals(1, references.size());
        assertEquals("4f6d28b10ab7aa447bbd46d85f1e9effE", references.get(0).identifier());
        CapInfo info = alert.infos().get(0);
        assertEquals("en-GB", info.language());
        assertEquals(List.of(CapInfo.Category.MET), info.categories());
        assertEquals(CapInfo.Severity.SEVERE, info.severity());
        assertEquals(CapInfo.Certainty.LIKELY, info.certainty());
        assertEquals(CapInfo.Urgency.IMMEDIATE, info.urgency());
        assertTrue(info.description().endsWith("throughout the night. "), "text is kept as written, trailing space too");
        CapArea area = info.areas().get(0);
        assertEquals("River Steeping in Wainfleet All Saints", area.areaDesc());
        CapPolygon polygon = area.polygons().get(0);
        assertEquals(29, polygon.points().size());
        assertTrue(polygon.isClosedRing());
        assertEquals(new CapPoint(53.10569, 0.24453), polygon.points().get(0), "latitude first");
        assertEquals(List.of(new CapValue("TargetAreaCode", "053FWFSTEEP4")), area.geocodes());
    }

    @Test
    void meteoFranceVigilanceInTwoLanguagesWithNuts3Areas() throws Exception {
        CapAlert alert = reader.read(CapSharedData.file("alerts/meteo-france_thunderstorm-yellow_2022-08-10.xml"));
        assertEquals(2, alert.infos().size());
        CapInfo fr = alert.infos().get(0);
        assertEquals("fr-FR", fr.language());
        assertEquals("Vigilance jaune orages", fr.event());
        assertEquals(List.of(CapInfo.ResponseType.MONITOR), fr.responseTypes());
        assertEquals(ZoneOffset.ofHours(2), fr.expires().getOffset(), "the original offset is kept");
        assertEquals("2; yellow; Moderate", fr.parameter("awareness_level"));
        assertEquals(4, fr.areas().size());
        assertEquals(new CapValue("NUTS3", "FR821"), fr.areas().get(0).geocodes().get(0));
        assertTrue(fr.areas().get(0).polygons().isEmpty());
    }

    @Test
    void nwsUpdateWithTwoPolygonsAndEightReferences() throws Exception {
        CapAlert alert = reader.read(CapSharedData.file("alerts/nws-us_hurricane-warning-update_2020-08-26.xml"));
        assertEquals(8, alert.referenceList().size());
        CapArea area = alert.infos().get(0).areas().get(0);
        assertEquals(2, area.polygons().size());
        assertTrue(area.polygons().stream().allMatch(CapPolygon::isClosedRing));
        assertEquals(ZoneOffset.ofHours(-5), alert.sent().getOffset());
    }

    @Test
    void cancelWithoutInfoSignedAndPrefixedAndBomDocuments() throws Exception {
        CapAlert cancel = reader.read(CapSharedData.file("alerts/athoc-ipaws_cancel-no-info-signed_2016-02-25.xml"));
        assertEquals(CapAlert.MsgType.CANCEL, cancel.msgType());
        assertTrue(cancel.infos().isEmpty());
        assertFalse(cancel.referenceList().isEmpty());

        CapAlert bom = reader.read(CapSharedData.file("alerts/bom-au_thunderstorm_2019-01-16.xml"));
        assertEquals(CapInfo.Severity.UNKNOWN, bom.infos().get(0).severity(), "cap: prefix read like the default");
        assertEquals(List.of("urn:oasis:names:tc:emergency:cap:1.2:profile:CAP-AU:1.0"), bom.codes());

        Path taiwan = CapSharedData.file("alerts/wra-tw_reservoir-release_2014-05-14.xml");
        assertEquals((byte) 0xEF, Files.readAllBytes(taiwan)[0], "the file starts with a UTF-8 byte-order mark");
        CapInfo tw = reader.read(taiwan).infos().get(0);
        assertEquals(List.of(CapInfo.Category.INFRA), tw.categories());
        assertTrue(tw.event().contains("水庫"), tw.event());

        CapAlert canada = reader.read(CapSharedData.file("alerts/eccc-ca_special-weather-statement-signed_2019-07-12.xml"));
        assertEquals("", canada.restriction(), "an empty element is present and empty");
        assertEquals("", canada.references());
        assertTrue(canada.referenceList().isEmpty());
        assertEquals("", canada.incidents());
        assertEquals("general public", canada.infos().get(0).audience());
        assertEquals(2, canada.infos().size());
        assertEquals("fr-CA", canada.infos().get(1).language());
    }

    @Test
    void macaoThreeLanguagesAndMultiLinePolygons() throws Exception {
        CapAlert alert = reader.read(CapSharedData.file("alerts/smg-mo_monsoon-signal-update_2025-04-13.xml"));
        assertEquals(3, alert.infos().size());
        assertEquals(CapInfo.Urgency.PAST, alert.infos().get(0).urgency());
        List<CapPolygon> polygons = alert.infos().stream().flatMap(i -> i.areas().stream())
                .flatMap(a -> a.polygons().stream()).toList();
        assertEquals(3, polygons.size());
        assertTrue(polygons.stream().allMatch(CapPolygon::isClosedRing), "pairs on separate lines, tab indented");
        assertEquals(new CapPoint(22.0766, 113.5709), polygons.get(0).points().get(0));
    }

    @Test
    void altitudeAndCeilingAreDecimals() {
        CapArea area = new CapArea("x", null, null, null, new BigDecimal("100.50"), new BigDecimal("2000"));
        assertEquals("100.50", area.altitude().toPlainString());
    }
}

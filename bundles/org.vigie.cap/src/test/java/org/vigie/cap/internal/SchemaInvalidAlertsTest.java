package org.vigie.cap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The two real alerts that break CAP-v1.2.xsd are rejected, and the message says where and why. */
class SchemaInvalidAlertsTest {

    @Test
    void bothAreRejected() throws Exception {
        CapValidator validator = CapSharedData.validator();
        List<Path> files = CapSharedData.files("alerts-schema-invalid");
        assertEquals(2, files.size());
        for (Path file : files) {
            CapValidationException e = assertThrows(CapValidationException.class, () -> validator.validate(file));
            assertFalse(e.problems().isEmpty());
            assertTrue(e.getMessage().startsWith(file.getFileName() + " is not valid CAP 1.2 (CAP-v1.2.xsd):\n  line "),
                    e.getMessage());
        }
    }

    @Test
    void serbianPolygonAfterGeocodeIsNamed() throws Exception {
        Path file = CapSharedData.file("alerts-schema-invalid/rhmz-rs_thunderstorm-update_2025-08-17.xml");
        CapValidationException e = assertThrows(CapValidationException.class,
                () -> CapSharedData.validator().validate(file));
        CapProblem first = e.problems().get(0);
        assertTrue(first.line() > 0 && first.column() > 0, first.toString());
        assertTrue(first.message().contains("polygon") && first.message().contains("geocode")
                && first.message().contains("altitude") && first.message().contains("ceiling"), first.message());
        assertTrue(e.getMessage().contains("line " + first.line() + ", column " + first.column()), e.getMessage());
    }

    @Test
    void swedishHeadlineBeforeSenderNameIsNamed() throws Exception {
        Path file = CapSharedData.file("alerts-schema-invalid/krisinformation-se_vma-news_2018-11-21.xml");
        CapValidationException e = assertThrows(CapValidationException.class,
                () -> CapSharedData.validator().validate(file));
        CapProblem first = e.problems().get(0);
        assertEquals(17, first.line(), first.toString());
        assertTrue(first.message().contains("senderName"), first.message());
    }

    @Test
    void theTolerantReaderStillReadsThem() throws Exception {
        CapReader reader = new CapReader();
        CapAlert serbian = reader.read(
                CapSharedData.file("alerts-schema-invalid/rhmz-rs_thunderstorm-update_2025-08-17.xml"));
        assertFalse(serbian.infos().get(0).areas().get(0).polygons().isEmpty(), "polygon after geocode is read");
        CapAlert swedish = reader.read(
                CapSharedData.file("alerts-schema-invalid/krisinformation-se_vma-news_2018-11-21.xml"));
        CapArea area = swedish.infos().get(0).areas().get(0);
        assertEquals("Gävleborgs län", area.areaDesc());
        assertTrue(area.polygons().isEmpty(), "non-CAP <Polygon> elements are skipped, not guessed");
        assertEquals("Full Html version of description", swedish.infos().get(0).resources().get(0).resourceDesc());
    }
}

package org.vigie.cap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading is safe (no DTD, no external entity) and says where a document is wrong. */
class CapReaderTest {

    private final CapReader reader = new CapReader();

    static final String MINIMAL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
              <identifier>id-1</identifier>
              <sender>vigie@example.org</sender>
              <sent>%s</sent>
              <status>Actual</status>
              <msgType>Alert</msgType>
              <scope>Public</scope>
              <info>
                <category>Met</category>
                <event>Crue</event>
                <urgency>Immediate</urgency>
                <severity>%s</severity>
                <certainty>Observed</certainty>
              </info>
            </alert>
            """;

    static byte[] minimal(String sent, String severity) {
        return MINIMAL.formatted(sent, severity).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAMinimalAlert() throws Exception {
        CapAlert alert = reader.read(minimal("2024-10-18T08:00:00+02:00", "Severe"));
        assertEquals(OffsetDateTime.of(2024, 10, 18, 8, 0, 0, 0, ZoneOffset.ofHours(2)), alert.sent());
        assertEquals(CapInfo.Severity.SEVERE, alert.infos().get(0).severity());
        assertEquals(null, alert.infos().get(0).language(), "absent, CAP's default en-US is not invented");
    }

    @Test
    void externalEntitiesAndDtdsAreRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "secret");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&x;</identifier></alert>";
        CapFormatException e = assertThrows(CapFormatException.class,
                () -> reader.read(xxe.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertEquals(2, e.line());

        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">&b;</alert>";
        assertThrows(CapFormatException.class, () -> reader.read(laughs.getBytes(StandardCharsets.UTF_8)));

        CapValidationException v = assertThrows(CapValidationException.class,
                () -> CapSharedData.validator().validate(xxe.getBytes(StandardCharsets.UTF_8), "xxe"));
        assertTrue(v.problems().get(0).fatal());
        assertTrue(v.getMessage().contains("DOCTYPE"), v.getMessage());
    }

    @Test
    void otherNamespacesAreNotCap12() {
        byte[] cap11 = new String(minimal("2024-10-18T08:00:00+02:00", "Severe"), StandardCharsets.UTF_8)
                .replace("cap:1.2", "cap:1.1").getBytes(StandardCharsets.UTF_8);
        CapFormatException e = assertThrows(CapFormatException.class, () -> reader.read(cap11));
        assertTrue(e.getMessage().startsWith("line 2, column "), e.getMessage());
        assertTrue(e.getMessage().contains("urn:oasis:names:tc:emergency:cap:1.1"), e.getMessage());
    }

    @Test
    void badValuesNameLineColumnAndAllowedValues() {
        CapFormatException e = assertThrows(CapFormatException.class,
                () -> reader.read(minimal("2024-10-18T08:00:00+02:00", "Huge")));
        assertEquals(13, e.line());
        assertTrue(e.getMessage().contains("<severity> 'Huge' is not one of Extreme, Severe, Moderate, Minor, Unknown"),
                e.getMessage());

        CapFormatException t = assertThrows(CapFormatException.class,
                () -> reader.read(minimal("18/10/2024 08:00", "Severe")));
        assertEquals(5, t.line());
        assertTrue(t.getMessage().contains("<sent> '18/10/2024 08:00' is not a date-time"), t.getMessage());

        byte[] noSender = new String(minimal("2024-10-18T08:00:00+02:00", "Severe"), StandardCharsets.UTF_8)
                .replace("<sender>vigie@example.org</sender>", "").getBytes(StandardCharsets.UTF_8);
        CapFormatException s = assertThrows(CapFormatException.class, () -> reader.read(noSender));
        assertTrue(s.getMessage().contains("<alert> has no <sender>"), s.getMessage());

        CapFormatException broken = assertThrows(CapFormatException.class,
                () -> reader.read("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>"
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(broken.getMessage().contains("not well-formed XML"), broken.getMessage());
    }

    @Test
    void zuluTimesAreReadButTheSchemaRejectsThem() throws Exception {
        byte[] zulu = minimal("2024-10-18T06:00:00Z", "Severe");
        assertEquals(OffsetDateTime.of(2024, 10, 18, 6, 0, 0, 0, ZoneOffset.UTC), reader.read(zulu).sent());
        CapValidationException e = assertThrows(CapValidationException.class,
                () -> CapSharedData.validator().validate(zulu, "zulu"));
        assertEquals(5, e.problems().get(0).line());
        assertTrue(e.getMessage().contains("2024-10-18T06:00:00Z"), e.getMessage());
        CapSharedData.validator().validate(minimal("2024-10-18T06:00:00+00:00", "Severe"), "plus");
        CapSharedData.validator().validate(minimal("2024-10-18T06:00:00-00:00", "Severe"), "minus");
    }

    @Test
    void validatorNeedsTheSchemaFile(@TempDir Path dir) {
        Path missing = dir.resolve("CAP-v1.2.xsd");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> CapValidator.of(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}

package org.vigie.connector.sandre.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.testing.DropFolder.drop;
import static org.vigie.testing.DropFolder.names;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.api.Health;
import org.vigie.testing.RecordingSink;

/**
 * A dropped file must never make Vigie read a local file (XXE), fetch a remote DTD, or expand entities without
 * bound. Each attack is refused as a whole file with a clear reason, and the secret appears nowhere.
 */
class XmlSecurityTest {

    private static final String DOCTYPE_REFUSED = "the file has a DOCTYPE declaration; DTDs and entities"
            + " are refused (they could read local files or expand without bound) and Sandre files need none";

    @TempDir
    Path dir;

    private Path secretFile;
    private String secret;

    @BeforeEach
    void writeSecret() throws IOException {
        secret = "TOP-SECRET-" + UUID.randomUUID();
        secretFile = Files.writeString(dir.resolve("secret.txt"), secret);
    }

    /** A Sandre observation file whose station code and value come from {@code entity}. */
    private static String observationFile(String doctype, String entity) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                %s
                <hydrometrie>
                  <Donnees><Series><Serie>
                    <CdStationHydro>K435001010</CdStationHydro><GrdSerie>H</GrdSerie>
                    <StatutSerie>%s</StatutSerie>
                    <ObssHydro><ObsHydro>
                      <DtObsHydro>2024-01-15T10:00:00Z</DtObsHydro><ResObsHydro>1250</ResObsHydro>
                      <MethObsHydro>%s</MethObsHydro>
                    </ObsHydro></ObssHydro>
                  </Serie></Series></Donnees>
                </hydrometrie>
                """.formatted(doctype, entity, entity);
    }

    private String externalEntityFile() {
        return observationFile("<!DOCTYPE hydrometrie [ <!ENTITY secret SYSTEM \"" + secretFile.toUri() + "\"> ]>",
                "&secret;");
    }

    @Test
    void anExternalEntityPointingAtALocalFileRejectsTheFileWithoutReadingIt() {
        SandreParseResult result = Fixtures.parseText("xxe.xml", externalEntityFile());

        assertEquals(DOCTYPE_REFUSED, result.fileError().orElseThrow());
        assertTrue(result.observations().isEmpty());
        assertFalse(result.toString().contains(secret));
    }

    @Test
    void aParameterEntityOrAnExternalDtdIsRefusedAlike() throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"),
                "<!ENTITY secret SYSTEM \"" + secretFile.toUri() + "\">");

        SandreParseResult external = Fixtures.parseText("dtd.xml",
                observationFile("<!DOCTYPE hydrometrie SYSTEM \"" + dtd.toUri() + "\">", "&secret;"));
        SandreParseResult parameter = Fixtures.parseText("pe.xml", observationFile(
                "<!DOCTYPE hydrometrie [ <!ENTITY % p SYSTEM \"" + dtd.toUri() + "\"> %p; ]>", "&secret;"));

        assertEquals(DOCTYPE_REFUSED, external.fileError().orElseThrow());
        assertEquals(DOCTYPE_REFUSED, parameter.fileError().orElseThrow());
        assertFalse(external.toString().contains(secret));
        assertFalse(parameter.toString().contains(secret));
    }

    @Test
    void aRemoteDtdIsNeverFetched() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd";

            SandreParseResult result = Fixtures.parseText("remote.xml", observationFile(
                    "<!DOCTYPE hydrometrie [ <!ENTITY remote SYSTEM \"" + url + "\"> ]>", "&remote;"));

            assertEquals(DOCTYPE_REFUSED, result.fileError().orElseThrow());
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, () -> {
                try (Socket connection = server.accept()) {
                    // reaching this line would mean the parser connected
                }
            }, "the parser connected to " + url);
        }
    }

    @Test
    void billionLaughsIsRejectedAtOnceWithoutExpandingAnything() {
        SandreParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Fixtures.parseFixture("billion-laughs.xml"));

        assertEquals(DOCTYPE_REFUSED, result.fileError().orElseThrow());
        assertTrue(result.observations().isEmpty());
        assertFalse(result.toString().contains("lollol"));
    }

    @Test
    void anUndeclaredEntityWithoutDoctypeIsNotWellFormed() {
        SandreParseResult result = Fixtures.parseText("undeclared.xml", observationFile("", "&secret;"));

        assertEquals("not well-formed XML at line 6, column 26: The entity \"secret\" was referenced, but not"
                + " declared.", result.fileError().orElseThrow());
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesStillWork() {
        SandreParseResult result = Fixtures.parseText("amp.xml", observationFile("", "A&amp;B&#65;"));

        assertTrue(result.isClean(), () -> result.toString());
        assertEquals("A&BA", result.observations().get(0).provenance().method());
    }

    /** Defence in depth: even a reader that let the DOCTYPE through would resolve no external entity. */
    @Test
    void theReaderFactoryItselfResolvesNoExternalEntity() throws XMLStreamException {
        byte[] xml = externalEntityFile().getBytes(StandardCharsets.UTF_8);
        XMLStreamReader reader = SecureXml.reader(new ByteArrayInputStream(xml));
        StringBuilder text = new StringBuilder();
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.CHARACTERS) {
                    text.append(reader.getText());
                }
            }
        } catch (XMLStreamException expected) {
            text.append(expected.getMessage());
        }
        assertFalse(text.toString().contains(secret), text::toString);
    }

    @Test
    void aDroppedAttackFileGoesToRejectedWithAReportAndNothingIsStored() throws IOException {
        RecordingSink sink = new RecordingSink();
        RecordingArchive archive = new RecordingArchive();
        Path inbox = dir.resolve("inbox");
        DropFolderPoller poller = new DropFolderPoller(inbox, FileSystems.getDefault().getPathMatcher("glob:*.xml"),
                Fixtures.parser(), sink, archive, Clock.fixed(Fixtures.RECEIVED, ZoneOffset.UTC), () -> false);
        drop(inbox, "a-xxe.xml", externalEntityFile().getBytes(StandardCharsets.UTF_8));
        drop(inbox, "b-laughs.xml", Fixtures.bytes("billion-laughs.xml"));

        Health health = assertTimeoutPreemptively(Duration.ofSeconds(5), poller::pollOnce);

        assertEquals(Health.Status.UP, health.status());
        assertTrue(sink.batches().isEmpty());
        assertTrue(archive.runs().isEmpty());
        assertEquals(List.of("a-xxe.xml", "a-xxe.xml.errors.txt", "b-laughs.xml", "b-laughs.xml.errors.txt"),
                names(inbox.resolve("rejected")));
        String report = Files.readString(inbox.resolve("rejected/a-xxe.xml.errors.txt"));
        assertEquals("a-xxe.xml: file rejected, nothing stored\n" + DOCTYPE_REFUSED + "\n", report);
        assertEquals("b-laughs.xml: file rejected, nothing stored\n" + DOCTYPE_REFUSED + "\n",
                Files.readString(inbox.resolve("rejected/b-laughs.xml.errors.txt")));
        assertFalse(health.message().contains(secret));
    }
}

package org.vigie.connector.sandre.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.vigie.testing.DropFolder;

/** This module's own Sandre fixtures ({@code src/test/resources/fixtures}), written for the project. */
final class Fixtures {

    static final Instant RECEIVED = Instant.parse("2024-06-01T12:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Fixtures() {
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops a copy of one of the fixtures, as a producer would. */
    static Path dropFixture(Path folder, String fixture) throws IOException {
        return DropFolder.drop(folder, fixture, bytes(fixture));
    }

    static String text(String fixture) {
        return new String(bytes(fixture), StandardCharsets.UTF_8);
    }

    /** A parser with the defaults of the configuration: source "sandre", Europe/Paris, no station filter. */
    static SandreXmlParser parser() {
        return new SandreXmlParser("sandre", PARIS, List.of());
    }

    static SandreParseResult parse(SandreXmlParser parser, String fileName, byte[] content) {
        try {
            return parser.parse(fileName, new ByteArrayInputStream(content), RECEIVED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SandreParseResult parseFixture(String fixture) {
        return parse(parser(), fixture, bytes(fixture));
    }

    static SandreParseResult parseText(String fileName, String xml) {
        return parse(parser(), fileName, xml.getBytes(StandardCharsets.UTF_8));
    }
}

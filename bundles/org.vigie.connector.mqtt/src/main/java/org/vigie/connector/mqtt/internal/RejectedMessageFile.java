package org.vigie.connector.mqtt.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Appends each rejected message to a JSON Lines file, one object per line:
 * <pre>
 * {"receivedAt":"2024-06-01T12:00:00Z","topic":"vigie/sensors/K1/level","kind":"bad-time",
 *  "reason":"…","payload":"{\"value\":12,\"time\":\"yesterday\"}"}
 * </pre>
 * The payload is kept as it was sent: as text when it is UTF-8, else base64 in {@code payloadBase64}. Payloads over
 * {@value #MAX_PAYLOAD_BYTES} bytes are cut there ({@code "payloadTruncated":true}, {@code payloadBytes} gives the
 * full size) so that a runaway publisher cannot fill the disk.
 *
 * <p>Thread-safe.
 */
final class RejectedMessageFile {

    static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    RejectedMessageFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Creates the folder, so that a folder that cannot exist is reported as a configuration error. */
    void createFolder() throws IOException {
        Files.createDirectories(file.getParent());
    }

    /**
     * @throws IOException when the line could not be written; the caller must then keep the message
     */
    synchronized void append(String topic, Instant receivedAt, Rejection rejection, byte[] payload)
            throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("receivedAt", receivedAt.toString());
        line.put("topic", topic);
        line.put("kind", rejection.kind().code());
        line.put("reason", rejection.reason());
        boolean truncated = payload.length > MAX_PAYLOAD_BYTES;
        byte[] kept = truncated ? Arrays.copyOf(payload, MAX_PAYLOAD_BYTES) : payload;
        String text = utf8(kept, truncated);
        if (text != null) {
            line.put("payload", text);
        } else {
            line.put("payloadBase64", Base64.getEncoder().encodeToString(kept));
        }
        if (truncated) {
            line.put("payloadTruncated", true);
            line.put("payloadBytes", payload.length);
        }
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot write the rejected message as JSON", e);
        }
        Files.createDirectories(file.getParent());
        // one write of one line, so that readers never see half a line from this process
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** @return the payload as text if it is UTF-8 (a multi-byte character cut at the end is dropped), else null */
    private static String utf8(byte[] payload, boolean truncated) {
        for (int drop = 0; drop <= (truncated ? 3 : 0) && drop <= payload.length; drop++) {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(payload, 0, payload.length - drop))
                        .toString();
            } catch (CharacterCodingException e) {
                // try without the last bytes of a cut character, then give up
            }
        }
        return null;
    }
}

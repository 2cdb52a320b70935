package org.vigie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.api.PasswordHash;

class PasswdCommandTest {

    private static String[] run(List<String> args, String stdin) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PasswdCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aPipedPasswordBecomesAConfigurationLineHoldingOnlyItsHash() throws Exception {
        String[] printed = run(List.of("duty"), "Loire-1856-crue\n");
        String line = printed[0].strip();
        assertTrue(line.startsWith("users=[\"duty:pbkdf2-sha256:") && line.endsWith("\"]"), line);
        String stored = line.substring("users=[\"duty:".length(), line.length() - 2);
        assertTrue(PasswordHash.matches("Loire-1856-crue".toCharArray(), stored));
        assertFalse(printed[0].contains("Loire-1856-crue") || printed[1].contains("Loire-1856-crue"));
    }

    @Test
    void aTokenIsShownOnceAndConfiguredByItsDigest() throws Exception {
        String[] printed = run(List.of("--token", "supervision"), "");
        String token = printed[1].substring(printed[1].lastIndexOf(' ') + 1).strip();
        assertEquals("tokens=[\"supervision:" + PasswordHash.tokenDigest(token) + "\"]", printed[0].strip());
    }

    @Test
    void addToReplacesTheUsersEntryAndKeepsTheOthers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        java.nio.file.Path config = folder.resolve("org.vigie.web.security.config");
        java.nio.file.Files.writeString(config, "# users of Vigie\nusers=[\"cadre:pbkdf2-sha256:1:AA==:AA==\","
                + "\"duty:pbkdf2-sha256:1:BB==:BB==\"]\ntokens=[\"supervision:abc\"]\n");
        run(List.of("duty", "--add-to", config.toString()), "Loire-1856-crue\n");
        List<String> lines = java.nio.file.Files.readAllLines(config);
        assertEquals("# users of Vigie", lines.get(0));
        assertTrue(lines.get(1).startsWith("users=[\"cadre:pbkdf2-sha256:1:AA==:AA==\",\"duty:pbkdf2-sha256:600000:"),
                lines.get(1));
        assertFalse(lines.get(1).contains("BB=="), "the old entry of duty is replaced");
        String stored = lines.get(1).substring(lines.get(1).indexOf("\"duty:") + 6, lines.get(1).length() - 2);
        assertTrue(PasswordHash.matches("Loire-1856-crue".toCharArray(), stored));
        assertEquals("tokens=[\"supervision:abc\"]", lines.get(2));

        run(List.of("--token", "robot", "--add-to", config.toString()), "");
        assertTrue(java.nio.file.Files.readAllLines(config).get(2).startsWith("tokens=[\"supervision:abc\",\"robot:"));
    }

    @Test
    void aShortPasswordOrABadNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> run(List.of("duty"), "court\n"));
        assertThrows(CommandLine.UsageException.class, () -> run(List.of("a b"), "Loire-1856-crue\n"));
        assertThrows(CommandLine.UsageException.class, () -> run(List.of(), ""));
    }
}

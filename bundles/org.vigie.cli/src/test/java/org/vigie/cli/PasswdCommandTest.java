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
    void aShortPasswordOrABadNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> run(List.of("duty"), "court\n"));
        assertThrows(CommandLine.UsageException.class, () -> run(List.of("a b"), "Loire-1856-crue\n"));
        assertThrows(CommandLine.UsageException.class, () -> run(List.of(), ""));
    }
}

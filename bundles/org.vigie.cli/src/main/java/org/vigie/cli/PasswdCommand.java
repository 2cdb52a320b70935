package org.vigie.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.vigie.api.PasswordHash;

/**
 * {@code bin/vigie passwd NAME} prints the configuration line of a user whose password is typed (twice, hidden) or
 * piped on standard input; {@code bin/vigie passwd --token NAME} makes a random API token, prints its configuration
 * line and, once, the token itself. Only hashes go into {@code config/org.vigie.web.security.config}.
 */
final class PasswdCommand {
    private static final int MIN_LENGTH = 10;

    private PasswdCommand() {
    }

    static void run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        boolean token = !args.isEmpty() && args.get(0).equals("--token");
        List<String> names = token ? args.subList(1, args.size()) : args;
        if (names.size() != 1 || !names.get(0).matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new CommandLine.UsageException("passwd needs one user name (letters, digits, . _ @ -)");
        }
        String name = names.get(0);
        if (token) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            out.println("tokens=[\"" + name + ":" + PasswordHash.tokenDigest(secret) + "\"]");
            err.println("API token for " + name + " (shown once, send it as 'Authorization: Bearer <token>'): "
                    + secret);
            return;
        }
        char[] password = readPassword(in, err);
        try {
            if (password.length < MIN_LENGTH) {
                throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
            }
            out.println("users=[\"" + name + ":" + PasswordHash.hash(password) + "\"]");
            err.println("put this line (or add the quoted entry to the users list) in"
                    + " config/org.vigie.web.security.config");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] readPassword(InputStream in, PrintStream err) throws IOException {
        Console console = System.console();
        if (console != null && in == System.in) {
            char[] first = console.readPassword("password: ");
            char[] again = console.readPassword("again: ");
            if (first == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            Arrays.fill(again, '\0');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IllegalArgumentException("no password on standard input");
        }
        return line.toCharArray();
    }
}

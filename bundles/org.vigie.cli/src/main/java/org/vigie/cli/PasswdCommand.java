package org.vigie.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigie.api.PasswordHash;

/**
 * {@code bin/vigie passwd NAME} prints the configuration line of a user whose password is typed (twice, hidden) or
 * piped on standard input; {@code bin/vigie passwd --token NAME} makes a random API token, prints its configuration
 * line and, once, the token itself. With {@code --add-to FILE} the entry is written into that configuration file
 * instead (the user's previous entry replaced, the others kept) — which also keeps standard output on the terminal,
 * so the password prompt stays hidden. Only hashes go into {@code config/org.vigie.web.security.config}.
 */
final class PasswdCommand {
    private static final int MIN_LENGTH = 10;
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private PasswdCommand() {
    }

    static void run(List<String> args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        List<String> rest = new ArrayList<>(args);
        boolean token = rest.remove("--token");
        Path addTo = null;
        int option = rest.indexOf("--add-to");
        if (option >= 0) {
            if (option + 1 >= rest.size()) {
                throw new CommandLine.UsageException("--add-to needs the configuration file");
            }
            addTo = Path.of(rest.remove(option + 1));
            rest.remove(option);
        }
        List<String> names = rest;
        if (names.size() != 1 || !names.get(0).matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new CommandLine.UsageException("passwd needs one user name (letters, digits, . _ @ -)");
        }
        String name = names.get(0);
        if (token) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String entry = name + ":" + PasswordHash.tokenDigest(secret);
            if (addTo == null) {
                out.println("tokens=[\"" + entry + "\"]");
            } else {
                addEntry(addTo, "tokens", name, entry);
                out.println("token " + name + " written to " + addTo);
            }
            err.println("API token for " + name + " (shown once, send it as 'Authorization: Bearer <token>'): "
                    + secret);
            return;
        }
        char[] password = readPassword(in, err);
        try {
            if (password.length < MIN_LENGTH) {
                throw new IllegalArgumentException("a password needs at least " + MIN_LENGTH + " characters");
            }
            String entry = name + ":" + PasswordHash.hash(password);
            if (addTo == null) {
                out.println("users=[\"" + entry + "\"]");
                err.println("put this line (or add the quoted entry to the users list) in"
                        + " config/org.vigie.web.security.config, or use --add-to FILE");
            } else {
                addEntry(addTo, "users", name, entry);
                out.println("user " + name + " written to " + addTo);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Adds {@code entry} to the list {@code key} of a configuration file, replacing the entry of the same name and
     * keeping every other line; written to a temporary file and moved, so Vigie never reads half a file.
     */
    static void addEntry(Path file, String key, String name, String entry) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1)
                : new ArrayList<>();
        List<String> entries = new ArrayList<>();
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(key + "=")) {
                Matcher quoted = QUOTED.matcher(line.substring(line.indexOf('=') + 1));
                while (quoted.find()) {
                    if (!quoted.group(1).startsWith(name + ":")) {
                        entries.add(quoted.group(1));
                    }
                }
                at = i;
            }
        }
        entries.add(entry);
        String list = key + "=[" + String.join(",", entries.stream().map(e -> "\"" + e + "\"").toList()) + "]";
        if (at >= 0) {
            lines.set(at, list);
        } else {
            lines.add(list);
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".vigie-passwd", ".tmp");
        Files.write(partial, lines, StandardCharsets.ISO_8859_1);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

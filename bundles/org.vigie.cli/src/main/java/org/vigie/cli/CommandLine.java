package org.vigie.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Options of one command: {@code --name value} pairs (some repeatable) and bare flags, checked against what the
 * command accepts so that a typo is an error, not a silently ignored option.
 */
final class CommandLine {

    /** A command line that cannot be used; the message says what to fix. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private CommandLine() {
    }

    /**
     * @param args       the arguments after the command words
     * @param withValue  option names (without "--") that take a value
     * @param repeatable those of them that may be given several times
     */
    static CommandLine parse(List<String> args, Set<String> withValue, Set<String> repeatable) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!withValue.contains(name)) {
                throw new UsageException("unknown option --" + name + "; known: --" + String.join(", --", withValue));
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            List<String> given = line.values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!given.isEmpty() && !repeatable.contains(name)) {
                throw new UsageException("--" + name + " given twice");
            }
            given.add(value);
        }
        return line;
    }

    Optional<String> value(String name) {
        List<String> given = values.get(name);
        return given == null ? Optional.empty() : Optional.of(given.get(0));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Parses repeated {@code NAME=value} options into numbers. */
    Map<String, Double> numbers(String name) {
        Map<String, Double> parsed = new LinkedHashMap<>();
        for (String assignment : all(name)) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--" + name + " expects NAME=value, got '" + assignment + "'");
            }
            String key = assignment.substring(0, equals).trim();
            try {
                parsed.put(key, Double.parseDouble(assignment.substring(equals + 1).trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " " + key + ": '" + assignment.substring(equals + 1)
                        + "' is not a number");
            }
        }
        return parsed;
    }
}

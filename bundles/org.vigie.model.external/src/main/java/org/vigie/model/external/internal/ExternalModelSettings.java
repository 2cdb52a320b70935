package org.vigie.model.external.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vigie.api.spi.ParameterSpec;

/**
 * A checked external model configuration.
 *
 * @param id                 model id
 * @param command            program and arguments (the run folder is appended)
 * @param workingDirectory   directory the program runs in
 * @param timeLimit          after this the process tree is killed
 * @param environment        extra environment variables
 * @param inputs             input names shown in the descriptor
 * @param parameters         the program's parameters
 * @param description        one line for operators
 * @param temporaryDirectory where run folders are made
 * @param keepFailedRuns     whether a failed run's folder is kept
 */
record ExternalModelSettings(String id, List<String> command, Path workingDirectory, Duration timeLimit,
                             Map<String, String> environment, List<String> inputs, List<ParameterSpec> parameters,
                             String description, Path temporaryDirectory, boolean keepFailedRuns) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Names written as CSV headers and property keys: no separators, quotes or blanks. */
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    private static final String NUMBER = "[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?";
    private static final Pattern PARAMETER = Pattern.compile("\\s*(" + NAME.pattern() + ")\\s*=\\s*(" + NUMBER
            + ")\\s*(?:\\[\\s*(" + NUMBER + ")\\s*,\\s*(" + NUMBER + ")\\s*\\])?\\s*(\\S+)?\\s*");
    private static final Pattern ENVIRONMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

    ExternalModelSettings {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        inputs = List.copyOf(inputs);
        parameters = List.copyOf(parameters);
    }

    /**
     * @param baseDirectory what relative directories are resolved against
     * @throws IllegalArgumentException naming the faulty setting
     */
    static ExternalModelSettings of(ExternalModelConfig config, Path baseDirectory) {
        String id = config.id() == null ? "" : config.id().trim();
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        List<String> command = words(config.command() == null ? "" : config.command());
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty; e.g. command=\"Rscript model.R\"");
        }
        Path workingDirectory;
        try {
            String wd = config.workingDirectory() == null ? "" : config.workingDirectory().trim();
            workingDirectory = baseDirectory.resolve(wd).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("working directory '" + config.workingDirectory() + "' is not a path");
        }
        if (!Files.isDirectory(workingDirectory)) {
            throw new IllegalArgumentException("working directory " + workingDirectory + " does not exist");
        }
        if (config.timeLimitSeconds() < 1) {
            throw new IllegalArgumentException("time limit must be at least 1 s, got " + config.timeLimitSeconds());
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : nonNull(config.environment())) {
            Matcher m = ENVIRONMENT.matcher(entry.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("environment entry '" + entry + "' is not NAME=value");
            }
            environment.put(m.group(1), m.group(2));
        }
        List<String> inputs = new ArrayList<>();
        for (String input : nonNull(config.inputs())) {
            if (!NAME.matcher(input.strip()).matches()) {
                throw new IllegalArgumentException("input name '" + input + "' must be letters, digits, '.', '_' or"
                        + " '-' and start with a letter");
            }
            inputs.add(input.strip());
        }
        List<ParameterSpec> parameters = new ArrayList<>();
        for (String entry : nonNull(config.parameters())) {
            parameters.add(parameter(entry));
        }
        if (parameters.stream().map(ParameterSpec::name).distinct().count() != parameters.size()) {
            throw new IllegalArgumentException("a parameter is declared twice in " + List.of(config.parameters()));
        }
        String temporary = config.temporaryDirectory() == null ? "" : config.temporaryDirectory().trim();
        Path temporaryDirectory = temporary.isEmpty() ? Path.of(System.getProperty("java.io.tmpdir"))
                : baseDirectory.resolve(temporary).normalize();
        String description = config.description() == null || config.description().isBlank()
                ? "external program: " + String.join(" ", command) : config.description().strip();
        return new ExternalModelSettings(id, command, workingDirectory, Duration.ofSeconds(config.timeLimitSeconds()),
                environment, inputs, parameters, description, temporaryDirectory, config.keepFailedRuns());
    }

    /** "name=default [min,max] unit" with the range and unit optional; without a range any value goes. */
    static ParameterSpec parameter(String entry) {
        Matcher m = PARAMETER.matcher(entry);
        if (!m.matches()) {
            throw new IllegalArgumentException("parameter '" + entry + "' is not 'name=default [min,max] unit'"
                    + " (range and unit optional), e.g. 'X1=350 [1,2000] mm'");
        }
        double value = Double.parseDouble(m.group(2));
        double min = m.group(3) == null ? -Double.MAX_VALUE : Double.parseDouble(m.group(3));
        double max = m.group(4) == null ? Double.MAX_VALUE : Double.parseDouble(m.group(4));
        String unit = m.group(5) == null ? "-" : m.group(5);
        try {
            return new ParameterSpec(m.group(1), unit, value, min, max, "parameter of the external program");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + entry + "': " + e.getMessage());
        }
    }

    /** Splits a command line on blanks; "…" and '…' group words with blanks (no escapes, no variables). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("command has an unclosed " + quote + ": " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static String[] nonNull(String[] values) {
        return values == null ? new String[0] : values;
    }
}

package org.vigie.connector.sandre.internal;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * The configuration values of one connector instance, as plain data so that tests need no OSGi.
 */
record ConnectorSettings(String name, String folder, String filePattern, long pollIntervalMillis,
                         List<String> stations, String timeZone, String source) {

    ConnectorSettings {
        name = name == null ? "" : name.trim();
        folder = folder == null ? "" : folder.trim();
        filePattern = filePattern == null ? "" : filePattern.trim();
        source = source == null ? "" : source.trim();
        timeZone = timeZone == null ? "" : timeZone.trim();
        Set<String> codes = new LinkedHashSet<>();
        if (stations != null) {
            for (String station : stations) {
                if (station != null && !station.isBlank()) {
                    codes.add(station.trim());
                }
            }
        }
        stations = List.copyOf(codes);
    }

    static ConnectorSettings of(SandreConnectorConfig config) {
        return new ConnectorSettings(config.name(), config.folder(), config.filePattern(),
                config.pollIntervalMillis(), config.stations() == null ? List.of() : List.of(config.stations()),
                config.timeZone(), config.source());
    }

    /** @return the name in the connector's id: the configured one, or the folder as configured */
    String effectiveName() {
        return name.isEmpty() ? folder : name;
    }

    /**
     * Checks everything that can be checked without touching the disk and resolves the values.
     *
     * @throws InvalidSettingsException listing every problem, worded for an operator
     */
    Resolved resolve(Path baseDirectory) throws InvalidSettingsException {
        List<String> problems = new ArrayList<>();
        if (source.isEmpty()) {
            problems.add("source is blank");
        }
        if (pollIntervalMillis <= 0) {
            problems.add("pollIntervalMillis must be positive, got " + pollIntervalMillis);
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.add("unknown timeZone '" + timeZone + "' (expected e.g. Europe/Paris or UTC)");
        }
        PathMatcher matcher = null;
        if (filePattern.isEmpty()) {
            problems.add("filePattern is blank");
        } else {
            try {
                matcher = FileSystems.getDefault().getPathMatcher("glob:" + filePattern);
            } catch (PatternSyntaxException e) {
                problems.add("invalid filePattern '" + filePattern + "': " + e.getDescription());
            }
        }
        Path folderPath = null;
        if (folder.isEmpty()) {
            problems.add("folder is blank");
        } else {
            try {
                folderPath = baseDirectory.resolve(folder).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                problems.add("invalid folder '" + folder + "': " + e.getReason());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(String.join("; ", problems));
        }
        return new Resolved(folderPath, matcher, zone);
    }

    /** Settings turned into the objects the connector works with. */
    record Resolved(Path folder, PathMatcher fileMatcher, ZoneId zone) {
    }

    /** The settings cannot work; the message says why. */
    static final class InvalidSettingsException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSettingsException(String message) {
            super(message);
        }
    }
}

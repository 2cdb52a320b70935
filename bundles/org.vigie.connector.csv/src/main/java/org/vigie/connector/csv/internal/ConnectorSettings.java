package org.vigie.connector.csv.internal;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The configuration values of one connector instance, as plain data so that tests need no OSGi.
 */
record ConnectorSettings(String stationCode, String folder, String filePattern, long pollIntervalMillis,
                         String source, String timeZone, List<String> columns, String timeFormat) {

    ConnectorSettings {
        stationCode = stationCode == null ? "" : stationCode.trim();
        folder = folder == null ? "" : folder.trim();
        filePattern = filePattern == null ? "" : filePattern.trim();
        source = source == null ? "" : source.trim();
        timeZone = timeZone == null ? "" : timeZone.trim();
        columns = columns == null ? List.of() : List.copyOf(columns);
        timeFormat = timeFormat == null ? "" : timeFormat.trim();
    }

    /** Settings with the default column layout. */
    ConnectorSettings(String stationCode, String folder, String filePattern, long pollIntervalMillis, String source,
                      String timeZone) {
        this(stationCode, folder, filePattern, pollIntervalMillis, source, timeZone, List.of(), "");
    }

    static ConnectorSettings of(CsvConnectorConfig config) {
        return new ConnectorSettings(config.stationCode(), config.folder(), config.filePattern(),
                config.pollIntervalMillis(), config.source(), config.timeZone(),
                config.columns() == null ? List.of() : List.of(config.columns()), config.timeFormat());
    }

    /** @return the glob actually used: the configured one, or {@code <stationCode>*.csv} */
    String effectiveFilePattern() {
        return filePattern.isEmpty() ? stationCode + "*.csv" : filePattern;
    }

    /**
     * Checks everything that can be checked without touching the disk and resolves the values.
     *
     * @throws InvalidSettingsException listing every problem, worded for an operator
     */
    Resolved resolve(Path baseDirectory) throws InvalidSettingsException {
        List<String> problems = new ArrayList<>();
        if (stationCode.isEmpty()) {
            problems.add("stationCode is blank");
        }
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
            problems.add("unknown timeZone '" + timeZone + "' (expected e.g. UTC or Europe/Paris)");
        }
        PathMatcher matcher = null;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + effectiveFilePattern());
        } catch (PatternSyntaxException e) {
            problems.add("invalid filePattern '" + filePattern + "': " + e.getDescription());
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
        ColumnMapping mapping = ColumnMapping.parse(columns.toArray(new String[0]), timeFormat, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(String.join("; ", problems));
        }
        return new Resolved(folderPath, matcher, zone, mapping);
    }

    /** Settings turned into the objects the connector works with. */
    record Resolved(Path folder, PathMatcher fileMatcher, ZoneId zone, ColumnMapping mapping) {
    }

    /** The settings cannot work; the message says why. */
    static final class InvalidSettingsException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSettingsException(String message) {
            super(message);
        }
    }
}

package org.vigie.connector.csv.internal;

import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.vigie.connector.support.internal.InvalidSettingsException;
import org.vigie.connector.support.internal.SettingsChecks;
import org.vigie.connector.support.internal.dropfolder.DropFolderChecks;

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
        SettingsChecks.requireNonBlank("stationCode", stationCode, problems);
        SettingsChecks.requireNonBlank("source", source, problems);
        SettingsChecks.requirePositive("pollIntervalMillis", pollIntervalMillis, problems);
        ZoneId zone = SettingsChecks.zone(timeZone, "UTC or Europe/Paris", problems);
        PathMatcher matcher = DropFolderChecks.fileMatcher(effectiveFilePattern(), filePattern, problems);
        Path folderPath = DropFolderChecks.folder(baseDirectory, folder, problems);
        ColumnMapping mapping = ColumnMapping.parse(columns.toArray(new String[0]), timeFormat, problems);
        SettingsChecks.throwIfAny(problems);
        return new Resolved(folderPath, matcher, zone, mapping);
    }

    /** Settings turned into the objects the connector works with. */
    record Resolved(Path folder, PathMatcher fileMatcher, ZoneId zone, ColumnMapping mapping) {
    }
}

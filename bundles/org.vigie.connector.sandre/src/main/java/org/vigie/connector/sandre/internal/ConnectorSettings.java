package org.vigie.connector.sandre.internal;

import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vigie.connector.support.internal.InvalidSettingsException;
import org.vigie.connector.support.internal.SettingsChecks;
import org.vigie.connector.support.internal.dropfolder.DropFolderChecks;

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
        SettingsChecks.requireNonBlank("source", source, problems);
        SettingsChecks.requirePositive("pollIntervalMillis", pollIntervalMillis, problems);
        ZoneId zone = SettingsChecks.zone(timeZone, "Europe/Paris or UTC", problems);
        PathMatcher matcher = DropFolderChecks.fileMatcher(filePattern, filePattern, problems);
        Path folderPath = DropFolderChecks.folder(baseDirectory, folder, problems);
        SettingsChecks.throwIfAny(problems);
        return new Resolved(folderPath, matcher, zone);
    }

    /** Settings turned into the objects the connector works with. */
    record Resolved(Path folder, PathMatcher fileMatcher, ZoneId zone) {
    }
}

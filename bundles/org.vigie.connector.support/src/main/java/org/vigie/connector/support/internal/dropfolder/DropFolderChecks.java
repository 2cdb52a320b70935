package org.vigie.connector.support.internal.dropfolder;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.PatternSyntaxException;

import org.vigie.connector.support.internal.InvalidSettingsException;
import org.vigie.connector.support.internal.SettingsChecks;

/** The checks of a drop folder's {@code folder} and {@code filePattern}, in the manner of {@link SettingsChecks}. */
public final class DropFolderChecks {

    private DropFolderChecks() {
    }

    /**
     * @param glob        the pattern to compile, which may be a default derived from {@code filePattern}
     * @param filePattern the pattern as configured, which the problem names
     */
    public static PathMatcher fileMatcher(String glob, String filePattern, List<String> problems) {
        if (glob.isEmpty()) {
            problems.add("filePattern is blank");
            return null;
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            problems.add("invalid filePattern '" + filePattern + "': " + e.getDescription());
            return null;
        }
    }

    /** @return {@code folder} resolved against {@code baseDirectory}, absolute and normalised */
    public static Path folder(Path baseDirectory, String folder, List<String> problems) {
        if (folder.isEmpty()) {
            problems.add("folder is blank");
            return null;
        }
        try {
            return baseDirectory.resolve(folder).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add("invalid folder '" + folder + "': " + e.getReason());
            return null;
        }
    }

    /**
     * The one check that touches the disk, made at activation: a folder that cannot exist is a configuration error
     * to show at once, not a poll failure repeated forever.
     */
    public static void createFolder(Path folder) throws InvalidSettingsException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidSettingsException("cannot create folder " + folder + ": " + e);
        }
    }
}

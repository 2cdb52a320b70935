package org.vigie.connector.support.internal.dropfolder;

import java.nio.file.Path;

import org.osgi.framework.BundleContext;

/** Where relative paths of a configuration point: the installation's home, so that they do not depend on the cwd. */
public final class VigieHome {

    /** Property ({@code -Dvigie.home}) that {@code bin/vigie} sets to the installation directory. */
    public static final String PROPERTY = "vigie.home";

    private VigieHome() {
    }

    /** @return the framework property {@code vigie.home}, or the working directory when it is not set */
    public static Path directory(BundleContext context) {
        String home = context.getProperty(PROPERTY);
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home.trim());
    }
}

package org.vigie.api.service;

import java.time.Instant;

import org.vigie.api.Health;

/**
 * One plug-in as the registry sees it.
 *
 * @param id             the plug-in's own id (connector, model or channel id)
 * @param kind           what it is
 * @param bundle         the symbolic name of the bundle providing it
 * @param bundleVersion  that bundle's version (a snapshot build carries its build time)
 * @param bundleId       the framework's bundle id
 * @param since          when the registry picked it up
 * @param health         its health when the view was taken
 */
public record PluginInfo(String id, Kind kind, String bundle, String bundleVersion, long bundleId, Instant since,
                         Health health) {

    /** The kinds of plug-in. */
    public enum Kind {
        CONNECTOR, MODEL, CHANNEL
    }
}

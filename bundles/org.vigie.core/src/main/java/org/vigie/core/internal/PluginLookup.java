package org.vigie.core.internal;

import java.util.List;
import java.util.Optional;

import org.vigie.api.spi.AlertChannel;
import org.vigie.api.spi.RiverModel;

/**
 * Core-private access to the plug-ins currently registered, for the components that use them.
 */
public interface PluginLookup {

    /** A registered model with the version of the bundle providing it. */
    record VersionedModel(RiverModel model, String bundleVersion) {
    }

    Optional<VersionedModel> model(String id);

    List<AlertChannel> channels();
}

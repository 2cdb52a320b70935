package org.vigie.api.service;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The read-only runtime view of what is plugged in.
 */
@ProviderType
public interface PluginRegistry {

    /** @return every connector, model and channel currently registered, by kind then id */
    List<PluginInfo> plugins();
}

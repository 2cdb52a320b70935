package org.vigie.api.service;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.vigie.api.spi.ModelState;

/**
 * Keeps each forecast point's latest model state, so a model resumes after a restart or a bundle update.
 */
@ProviderType
public interface ModelStateStore {

    /** Replaces the state of a forecast point for the state's model. */
    void save(String forecastPointId, ModelState state);

    /** @return the latest state saved for a forecast point and model, if any */
    Optional<ModelState> load(String forecastPointId, String modelId);
}

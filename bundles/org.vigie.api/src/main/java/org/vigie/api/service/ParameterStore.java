package org.vigie.api.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Versioned model parameters per forecast point. The latest version overrides the parameters a catchment
 * definition gives; older versions stay, so a calibration can be compared with or rolled back to its predecessors.
 */
@ProviderType
public interface ParameterStore {

    /** Saves a new version and returns it. */
    ParameterSet save(String forecastPointId, String modelId, Map<String, Double> values, String origin);

    /** @return the latest version, if any */
    Optional<ParameterSet> latest(String forecastPointId, String modelId);

    /** @return every version, oldest first */
    List<ParameterSet> history(String forecastPointId, String modelId);
}

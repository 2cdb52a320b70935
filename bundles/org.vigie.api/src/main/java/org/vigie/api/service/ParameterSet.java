package org.vigie.api.service;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One version of a model's parameters at a forecast point, e.g. the outcome of a calibration.
 *
 * @param forecastPointId the forecast point
 * @param modelId         the model
 * @param version         1 for the first set saved, then increasing
 * @param values          parameter values by name
 * @param savedAt         when it was saved
 * @param origin          how it was obtained, e.g. "Michel NSE=0.8816 on 2005-01-01..2008-12-31"
 */
public record ParameterSet(String forecastPointId, String modelId, int version, Map<String, Double> values,
                           Instant savedAt, String origin) {
    public ParameterSet {
        Objects.requireNonNull(forecastPointId, "forecastPointId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(savedAt, "savedAt");
        values = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(values));
        origin = origin == null ? "" : origin;
    }
}

package org.vigie.api.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A model's state (stores, unit-hydrograph contents…) at one instant, as named arrays of numbers so that it
 * can be stored and read back without the model's classes: it survives a model bundle update or a restart.
 *
 * @param modelId       the model that wrote it
 * @param formatVersion the layout version of {@code variables}; a model refuses formats it does not know
 * @param validAt       the instant the state describes
 * @param variables     state variable name → values
 */
public record ModelState(String modelId, int formatVersion, Instant validAt, Map<String, double[]> variables) {
    public ModelState {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(validAt, "validAt");
        TreeMap<String, double[]> copy = new TreeMap<>();
        variables.forEach((k, v) -> copy.put(k, v.clone()));
        variables = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** @return a copy of one variable's values, or an empty array when absent */
    public double[] variable(String name) {
        double[] v = variables.get(name);
        return v == null ? new double[0] : v.clone();
    }
}

package org.vigie.api.spi;

import java.util.List;
import java.util.Map;

/**
 * What a model needs and provides.
 *
 * @param inputs             the input names it reads from {@link ModelRequest#inputs()}
 * @param parameters         its parameters
 * @param stateFormatVersion the {@link ModelState#formatVersion()} it writes; 0 for a stateless model
 * @param description        one line for operators
 */
public record ModelDescriptor(List<String> inputs, List<ParameterSpec> parameters, int stateFormatVersion,
                              String description) {
    public ModelDescriptor {
        inputs = List.copyOf(inputs);
        parameters = List.copyOf(parameters);
    }

    /**
     * Completes {@code given} with defaults and checks names and ranges.
     *
     * @throws IllegalArgumentException naming an unknown parameter or a value out of range
     */
    public Map<String, Double> resolve(Map<String, Double> given) {
        java.util.TreeMap<String, Double> resolved = new java.util.TreeMap<>();
        for (String name : given.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'");
            }
        }
        for (ParameterSpec p : parameters) {
            double v = given.getOrDefault(p.name(), p.defaultValue());
            if (!(v >= p.min() && v <= p.max())) {
                throw new IllegalArgumentException("parameter " + p.name() + " = " + v + " outside ["
                        + p.min() + ", " + p.max() + "] " + p.unit());
            }
            resolved.put(p.name(), v);
        }
        return resolved;
    }
}

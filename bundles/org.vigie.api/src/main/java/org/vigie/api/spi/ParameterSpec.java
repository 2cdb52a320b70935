package org.vigie.api.spi;

/**
 * One model parameter: its name, unit, default and admissible range (used by calibration and validation).
 */
public record ParameterSpec(String name, String unit, double defaultValue, double min, double max,
                            String description) {
    public ParameterSpec {
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " outside [" + min + ", " + max + "]");
        }
    }
}

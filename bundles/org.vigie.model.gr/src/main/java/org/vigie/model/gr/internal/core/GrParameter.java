package org.vigie.model.gr.internal.core;

/**
 * One GR parameter as airGR defines it.
 *
 * @param symbol        airGR's name (X1…X6)
 * @param meaning       what the parameter controls
 * @param unit          unit, per model time step where it is a rate
 * @param typicalMin    lower end of the values usually met after calibration (indicative, not a bound)
 * @param typicalMax    upper end of the values usually met after calibration (indicative, not a bound)
 * @param airGrMinimum  value airGR silently raises smaller inputs to, or {@code -Infinity} when it has none
 */
public record GrParameter(String symbol, String meaning, String unit, double typicalMin, double typicalMax,
                          double airGrMinimum) {
}

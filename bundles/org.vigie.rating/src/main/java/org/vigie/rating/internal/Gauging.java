package org.vigie.rating.internal;

/**
 * One point of the stage–discharge relation: a level and the discharge measured (or paired) at it.
 *
 * <p>Not validated here: {@link RatingCurveFitter} checks every gauging and names the offending one.</p>
 *
 * @param level     H, m above the gauge zero
 * @param discharge Q, m³/s
 */
public record Gauging(double level, double discharge) {
}

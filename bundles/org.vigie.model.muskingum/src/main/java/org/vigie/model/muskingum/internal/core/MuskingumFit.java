package org.vigie.model.muskingum.internal.core;

/**
 * A calibrated reach.
 *
 * @param parameters      K and X found
 * @param lateralFraction the lateral inflow fraction f used (found when it was calibrated, else the one given)
 * @param nse             NSE of the routed discharge against the downstream observations, after the warm-up
 * @param evaluations     number of routings run
 */
public record MuskingumFit(MuskingumParameters parameters, double lateralFraction, double nse, int evaluations) {
}

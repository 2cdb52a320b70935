package org.vigie.hydrology.internal.snow;

/**
 * CemaNeige parameters, in airGR's order ({@code Param} of {@code RunModel_CemaNeige}).
 *
 * @param thermalStateWeight    CTG, weighting of the previous snow-pack thermal state [-], in [0, 1]
 * @param degreeDayFactor       Kf, degree-day melt coefficient [mm/°C/time step]
 * @param accumulationThreshold Gacc, snow accumulation that restores full cover under hysteresis [mm]; NaN without
 * @param meltThresholdFraction prct, share of the mean annual solid precipitation defining the melt threshold under
 *                              hysteresis [-]; NaN without
 */
public record CemaNeigeParameters(double thermalStateWeight, double degreeDayFactor, double accumulationThreshold,
                                  double meltThresholdFraction) {

    public CemaNeigeParameters {
        if (!Double.isFinite(thermalStateWeight) || !Double.isFinite(degreeDayFactor)) {
            throw new IllegalArgumentException("CTG and Kf must be finite, got " + thermalStateWeight + ", "
                    + degreeDayFactor);
        }
        if (Double.isNaN(accumulationThreshold) != Double.isNaN(meltThresholdFraction)) {
            throw new IllegalArgumentException("the two hysteresis parameters go together");
        }
    }

    /** The original two-parameter CemaNeige (Valéry et al., 2014). */
    public static CemaNeigeParameters withoutHysteresis(double thermalStateWeight, double degreeDayFactor) {
        return new CemaNeigeParameters(thermalStateWeight, degreeDayFactor, Double.NaN, Double.NaN);
    }

    /** CemaNeige with the linear SWE–snow-cover hysteresis of Riboust et al. (2019). */
    public static CemaNeigeParameters withHysteresis(double thermalStateWeight, double degreeDayFactor,
                                                     double accumulationThreshold, double meltThresholdFraction) {
        if (!Double.isFinite(accumulationThreshold) || !Double.isFinite(meltThresholdFraction)) {
            throw new IllegalArgumentException("hysteresis parameters must be finite");
        }
        return new CemaNeigeParameters(thermalStateWeight, degreeDayFactor, accumulationThreshold,
                meltThresholdFraction);
    }

    public boolean hysteresis() {
        return !Double.isNaN(accumulationThreshold);
    }
}

package org.vigie.calibration.internal;

/**
 * A snapshot of a running calibration.
 *
 * @param runs          model runs so far
 * @param iteration     local-search iteration or CMA-ES generation (0 during screening)
 * @param bestCriterion best raw criterion value so far (e.g. NSE), NaN until one run succeeded
 */
public record CalibrationProgress(String method, CalibrationPhase phase, int runs, int iteration,
        double bestCriterion, double[] bestRealParameters) {

    public CalibrationProgress {
        bestRealParameters = bestRealParameters == null ? null : bestRealParameters.clone();
    }

    @Override
    public double[] bestRealParameters() {
        return bestRealParameters == null ? null : bestRealParameters.clone();
    }
}

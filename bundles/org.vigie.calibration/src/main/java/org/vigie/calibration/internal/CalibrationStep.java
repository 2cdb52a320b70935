package org.vigie.calibration.internal;

/** Best point after one iteration (index 0 is the starting point), with its raw criterion value. */
public record CalibrationStep(int iteration, double[] realParameters, double[] transformedParameters, double criterion) {

    public CalibrationStep {
        realParameters = realParameters.clone();
        transformedParameters = transformedParameters.clone();
    }

    @Override
    public double[] realParameters() {
        return realParameters.clone();
    }

    @Override
    public double[] transformedParameters() {
        return transformedParameters.clone();
    }
}

package org.vigie.calibration.internal;

/**
 * Settings of {@link CmaesCalibration}.
 *
 * @param seed              seed of the Mersenne Twister driving the mutations; same seed, same calibration
 * @param populationSize    offspring per generation; 0 for CMA-ES's default 4 + ⌊3 ln n⌋
 * @param maxEvaluations    model-run budget, screening runs included
 * @param maxGenerations    generation cap
 * @param initialSigma      initial step size in transformed units (airGR's box is ±9.99 wide)
 * @param relativeTolerance stop when the best score of two successive generations differs by less than this, relatively
 * @param absoluteTolerance ... or absolutely
 * @param screenStartLevels start from the best point of the start-level grid (as Michel does) instead of the middle level
 */
public record CmaesOptions(long seed, int populationSize, int maxEvaluations, int maxGenerations, double initialSigma,
        double relativeTolerance, double absoluteTolerance, boolean screenStartLevels) {

    public CmaesOptions {
        if (populationSize < 0 || populationSize == 1) {
            throw new IllegalArgumentException("population size must be 0 (default) or at least 2, got " + populationSize);
        }
        if (maxEvaluations < 1 || maxGenerations < 1) {
            throw new IllegalArgumentException("evaluation and generation limits must be positive");
        }
        if (!(initialSigma > 0)) {
            throw new IllegalArgumentException("initial sigma must be positive, got " + initialSigma);
        }
    }

    public static CmaesOptions defaults() {
        return new CmaesOptions(20240601L, 0, 5000, 1000, 1.0, 1e-12, 1e-12, true);
    }

    public CmaesOptions withSeed(long newSeed) {
        return new CmaesOptions(newSeed, populationSize, maxEvaluations, maxGenerations, initialSigma,
                relativeTolerance, absoluteTolerance, screenStartLevels);
    }

    public CmaesOptions withPopulationSize(int newPopulationSize) {
        return new CmaesOptions(seed, newPopulationSize, maxEvaluations, maxGenerations, initialSigma,
                relativeTolerance, absoluteTolerance, screenStartLevels);
    }

    public CmaesOptions withMaxEvaluations(int newMaxEvaluations) {
        return new CmaesOptions(seed, populationSize, newMaxEvaluations, maxGenerations, initialSigma,
                relativeTolerance, absoluteTolerance, screenStartLevels);
    }

    public CmaesOptions withInitialSigma(double newInitialSigma) {
        return new CmaesOptions(seed, populationSize, maxEvaluations, maxGenerations, newInitialSigma,
                relativeTolerance, absoluteTolerance, screenStartLevels);
    }

    public CmaesOptions withScreenStartLevels(boolean screen) {
        return new CmaesOptions(seed, populationSize, maxEvaluations, maxGenerations, initialSigma,
                relativeTolerance, absoluteTolerance, screen);
    }
}

package org.vigie.calibration.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * airGR's Calibration_Michel (Michel 1991): a grid screening of the start levels picks the starting point, then a
 * steepest-descent local search moves one parameter at a time in transformed space, adapting its pace.
 *
 * <p>Reproducing airGR's optimum bit for bit requires its exact control flow: strict "&lt;" improvements so the first
 * of equal candidates wins, candidates ordered by parameter then by sign (−, +), exact equality tests against the
 * previous point and the bounds, and a diagonal move along the smoothed direction of progress once the search has run
 * 4·n iterations.</p>
 */
public final class MichelCalibration implements Calibrator {

    public static final String METHOD = "Michel";

    private static final double INITIAL_PACE = 0.64;
    private static final double MINIMAL_PACE = 0.01;
    /** Score before any run, as in airGR: any finite criterion beats it. */
    private static final double NO_SCORE = 1e100;

    @Override
    public CalibrationResult calibrate(CalibrationProblem problem, CalibrationProgressListener listener) {
        return new Search(problem, listener).run();
    }

    /** State of one calibration run. */
    private static final class Search {
        private final ParameterSpace space;
        private final CriterionDefinition criterion;
        private final CalibrationObjective objective;
        private final CalibrationProgressListener listener;
        private final int size;
        private final List<CalibrationStep> history = new ArrayList<>();
        private final long startNanos = System.nanoTime();
        private int runs;

        Search(CalibrationProblem problem, CalibrationProgressListener listener) {
            this.space = problem.parameterSpace();
            this.criterion = problem.criterion();
            this.objective = problem.objective();
            this.listener = listener;
            this.size = space.size();
        }

        CalibrationResult run() {
            List<double[]> grid = space.screeningGrid();
            double bestScore = NO_SCORE;
            double[] bestGridPoint = null;
            for (double[] candidate : grid) {
                double score = evaluateScore(candidate);
                if (score < bestScore) {
                    bestScore = score;
                    bestGridPoint = candidate;
                }
                report(CalibrationPhase.SCREENING, 0, bestScore, bestGridPoint);
            }
            if (bestGridPoint == null) {
                throw new IllegalStateException("no parameter set of the screening grid gave a computable "
                        + criterion.name() + " (" + grid.size() + " runs)");
            }
            double[] startTransformed = space.toTransformed(bestGridPoint);
            history.add(new CalibrationStep(0, bestGridPoint, startTransformed, criterion.value(bestScore)));
            return localSearch(startTransformed, bestScore);
        }

        private CalibrationResult localSearch(double[] startTransformed, double startScore) {
            double[] lower = space.lowerBoundsTransformed();
            double[] upper = space.upperBoundsTransformed();
            double pace = INITIAL_PACE;
            double[] diagonalPace = new double[size];
            double smoothing = Math.pow(0.7, 1.0 / size);
            int successesInARow = 0;
            double bestScore = startScore;
            double[] current = startTransformed.clone();
            double[] previous = startTransformed.clone();
            double[] currentReal = space.toReal(current);
            int maxIterations = 100 * size;
            int iteration;
            for (iteration = 1; iteration <= maxIterations; iteration++) {
                if (pace < MINIMAL_PACE) {
                    break;
                }
                List<double[]> candidates = proposeNeighbours(current, previous, lower, upper, pace);
                double[] improvement = null;
                for (double[] candidate : candidates) {
                    double score = evaluateScore(space.toRealKeepingFixed(candidate));
                    if (score < bestScore) {
                        bestScore = score;
                        improvement = candidate;
                    }
                }
                if (improvement != null) {
                    previous = current;
                    current = improvement;
                    successesInARow++;
                    if (successesInARow > 2 * size) {
                        pace *= 2;
                        successesInARow = 0;
                    }
                    for (int i = 0; i < size; i++) {
                        if (!space.isFixed(i)) {
                            diagonalPace[i] = smoothing * diagonalPace[i] + (1 - smoothing) * (current[i] - previous[i]);
                        }
                    }
                } else {
                    pace /= 2;
                    successesInARow = 0;
                }

                if (iteration > 4 * size) {
                    double[] diagonal = new double[size];
                    for (int i = 0; i < size; i++) {
                        diagonal[i] = current[i] + diagonalPace[i];
                        if (!space.isFixed(i)) {
                            diagonal[i] = clip(diagonal[i], lower[i], upper[i]);
                        }
                    }
                    double score = evaluateScore(space.toRealKeepingFixed(diagonal));
                    if (score < bestScore) {
                        bestScore = score;
                        previous = current;
                        current = diagonal;
                    }
                }

                currentReal = space.toRealKeepingFixed(current);
                history.add(new CalibrationStep(iteration, currentReal, current, criterion.value(bestScore)));
                report(CalibrationPhase.LOCAL_SEARCH, iteration, bestScore, currentReal);
            }
            // airGR reports the iteration at which the pace fell below its minimum, counting the screening as one
            int reportedIterations = Math.min(iteration, maxIterations);
            report(CalibrationPhase.COMPLETED, reportedIterations, bestScore, currentReal);
            return new CalibrationResult(METHOD, space.names(), currentReal, current, criterion.name(),
                    criterion.value(bestScore), runs, reportedIterations, history,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        }

        /**
         * One step of the current pace down then up along each calibrated parameter, clipped to the search box, minus
         * moves that would leave the box from its edge or go straight back to the previous point.
         */
        private List<double[]> proposeNeighbours(double[] current, double[] previous, double[] lower, double[] upper,
                double pace) {
            List<double[]> candidates = new ArrayList<>(2 * size);
            for (int i = 0; i < size; i++) {
                if (space.isFixed(i)) {
                    continue;
                }
                for (int sign = -1; sign <= 1; sign += 2) {
                    if ((sign < 0 && current[i] == lower[i]) || (sign > 0 && current[i] == upper[i])) {
                        continue;
                    }
                    double[] candidate = current.clone();
                    candidate[i] = clip(current[i] + sign * pace, lower[i], upper[i]);
                    if (!sameValues(candidate, previous)) {
                        candidates.add(candidate);
                    }
                }
            }
            return candidates;
        }

        private double evaluateScore(double[] realParameters) {
            runs++;
            double value = objective.evaluate(realParameters);
            // NaN compares false with everything, so a failed run never counts as an improvement
            return Double.isNaN(value) ? Double.NaN : criterion.score(value);
        }

        private void report(CalibrationPhase phase, int iteration, double bestScore, double[] bestReal) {
            double best = bestScore == NO_SCORE ? Double.NaN : criterion.value(bestScore);
            listener.onProgress(new CalibrationProgress(METHOD, phase, runs, iteration, best, bestReal));
        }

        private static double clip(double value, double lower, double upper) {
            if (value < lower) {
                return lower;
            }
            return value > upper ? upper : value;
        }

        /** Element-wise ==, so that 0.0 and -0.0 match as they do in R's identical(). */
        private static boolean sameValues(double[] first, double[] second) {
            for (int i = 0; i < first.length; i++) {
                if (first[i] != second[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}

package org.vigie.calibration.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Covariance Matrix Adaptation Evolution Strategy (commons-math3) in the transformed space of the problem, bounded by
 * its transformed search box. Global and derivative-free, so less prone than a coordinate search to stop on a ridge,
 * at the price of more model runs. Seeded, hence reproducible.
 *
 * <p>The optimiser only sees the calibrated parameters; fixed ones are held at their values. The result is the best
 * model run observed, tracked here rather than taken from the optimiser, which reports penalised values and throws when
 * the run budget is spent.</p>
 */
public final class CmaesCalibration implements Calibrator {

    public static final String METHOD = "CMA-ES";

    /** Score given to runs whose criterion is not computable, so that the strategy moves away from them. */
    private static final double FAILED_RUN_SCORE = Double.MAX_VALUE;

    private final CmaesOptions options;

    public CmaesCalibration(CmaesOptions options) {
        this.options = options;
    }

    public CmaesCalibration() {
        this(CmaesOptions.defaults());
    }

    public CmaesOptions options() {
        return options;
    }

    @Override
    public CalibrationResult calibrate(CalibrationProblem problem, CalibrationProgressListener listener) {
        return new Evolution(problem, listener).run();
    }

    private final class Evolution {
        private final ParameterSpace space;
        private final CriterionDefinition criterion;
        private final CalibrationObjective objective;
        private final CalibrationProgressListener listener;
        private final int[] freeIndices;
        private final double[] template;
        private final int populationSize;
        private final List<CalibrationStep> history = new ArrayList<>();
        private final long startNanos = System.nanoTime();
        private int runs;
        private int evolutionRuns;
        private double bestScore = Double.POSITIVE_INFINITY;
        private double[] bestTransformed;
        private double[] bestReal;

        Evolution(CalibrationProblem problem, CalibrationProgressListener listener) {
            this.space = problem.parameterSpace();
            this.criterion = problem.criterion();
            this.objective = problem.objective();
            this.listener = listener;
            this.freeIndices = IntStream.range(0, space.size()).filter(i -> !space.isFixed(i)).toArray();
            this.template = fixedValuesTransformed();
            this.populationSize = options.populationSize() > 0 ? options.populationSize()
                    : 4 + (int) (3 * Math.log(freeIndices.length));
        }

        CalibrationResult run() {
            double[] lowerFull = space.lowerBoundsTransformed();
            double[] upperFull = space.upperBoundsTransformed();
            double[] lower = select(lowerFull);
            double[] upper = select(upperFull);
            double[] start = select(startPoint());
            double[] sigma = new double[freeIndices.length];
            for (int k = 0; k < sigma.length; k++) {
                // commons-math refuses a step larger than the box
                sigma[k] = Math.min(options.initialSigma(), upper[k] - lower[k]);
                start[k] = Math.min(Math.max(start[k], lower[k]), upper[k]);
            }
            if (bestReal != null) {
                history.add(new CalibrationStep(0, bestReal, bestTransformed, criterion.value(bestScore)));
            }

            CMAESOptimizer optimizer = new CMAESOptimizer(options.maxGenerations(), 0.0, true, 0, 0,
                    new MersenneTwister(options.seed()), false,
                    new SimpleValueChecker(options.relativeTolerance(), options.absoluteTolerance()));
            int budget = options.maxEvaluations() - runs;
            if (budget > 0) {
                try {
                    optimizer.optimize(new MaxEval(budget), GoalType.MINIMIZE, new InitialGuess(start),
                            new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigma),
                            new CMAESOptimizer.PopulationSize(populationSize),
                            new ObjectiveFunction(this::evaluateReduced));
                } catch (TooManyEvaluationsException budgetSpent) {
                    // the run budget is a normal stopping rule: keep the best run seen
                }
            }
            if (bestReal == null) {
                throw new IllegalStateException("no model run gave a computable " + criterion.name() + " in " + runs
                        + " runs");
            }
            int generations = (evolutionRuns + populationSize - 1) / populationSize;
            listener.onProgress(new CalibrationProgress(METHOD, CalibrationPhase.COMPLETED, runs, generations,
                    criterion.value(bestScore), bestReal));
            return new CalibrationResult(METHOD, space.names(), bestReal, bestTransformed, criterion.name(),
                    criterion.value(bestScore), runs, generations, history,
                    Duration.ofNanos(System.nanoTime() - startNanos));
        }

        /** Screening-grid best when asked (cheap and robust), else the middle start level of each parameter. */
        private double[] startPoint() {
            if (options.screenStartLevels()) {
                for (double[] candidate : space.screeningGrid()) {
                    evaluateFull(space.toTransformed(candidate), candidate);
                }
                if (bestTransformed == null) {
                    throw new IllegalStateException("no parameter set of the screening grid gave a computable "
                            + criterion.name());
                }
                return bestTransformed.clone();
            }
            double[] middle = new double[space.size()];
            for (int i = 0; i < middle.length; i++) {
                double[] levels = space.startLevelsReal(i);
                Arrays.sort(levels);
                middle[i] = space.isFixed(i) ? space.fixedValue(i) : levels[levels.length / 2];
            }
            double[] middleTransformed = space.toTransformed(middle);
            evaluateFull(middleTransformed, space.toRealKeepingFixed(middleTransformed));
            return middleTransformed;
        }

        private double evaluateReduced(double[] reduced) {
            double[] full = template.clone();
            for (int k = 0; k < freeIndices.length; k++) {
                full[freeIndices[k]] = reduced[k];
            }
            double score = evaluateFull(full, space.toRealKeepingFixed(full));
            evolutionRuns++;
            if (evolutionRuns % populationSize == 0 && bestReal != null) {
                int generation = evolutionRuns / populationSize;
                history.add(new CalibrationStep(generation, bestReal, bestTransformed, criterion.value(bestScore)));
                listener.onProgress(new CalibrationProgress(METHOD, CalibrationPhase.EVOLUTION, runs, generation,
                        criterion.value(bestScore), bestReal));
            }
            return Double.isNaN(score) ? FAILED_RUN_SCORE : score;
        }

        private double evaluateFull(double[] transformed, double[] real) {
            runs++;
            double value = objective.evaluate(real);
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            double score = criterion.score(value);
            if (score < bestScore) {
                bestScore = score;
                bestTransformed = transformed.clone();
                bestReal = real.clone();
            }
            return score;
        }

        private double[] fixedValuesTransformed() {
            double[] values = new double[space.size()];
            for (int i = 0; i < values.length; i++) {
                if (space.isFixed(i)) {
                    values[i] = space.transform(i).toTransformed(space.fixedValue(i));
                }
            }
            return values;
        }

        private double[] select(double[] full) {
            double[] reduced = new double[freeIndices.length];
            for (int k = 0; k < reduced.length; k++) {
                reduced[k] = full[freeIndices[k]];
            }
            return reduced;
        }
    }
}

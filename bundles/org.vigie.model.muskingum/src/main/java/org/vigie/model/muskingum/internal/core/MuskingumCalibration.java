package org.vigie.model.muskingum.internal.core;

import java.util.Arrays;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Calibrates K and X (and optionally the lateral fraction f) of a reach on an upstream/downstream pair by
 * maximising the NSE of the routed discharge, as a pure function of the series: a coarse grid screening
 * (K log-spaced, X every 0.05, f on 11 values) picks the start of a BOBYQA search (commons-math3, bounded,
 * derivative-free) in scaled coordinates (ln K, X/0.5, f), so the result does not depend on a starting guess.
 *
 * <p>The routing starts at index 0 from the observed downstream discharge there (the inflow where it is
 * missing); the NSE skips the warm-up steps and missing observations.
 */
public final class MuskingumCalibration {

    /**
     * What to calibrate.
     *
     * @param warmUpSteps        steps left out of the criterion at the start
     * @param kMinHours          lower bound of K, h (above 0)
     * @param kMaxHours          upper bound of K, h
     * @param lateralFraction    the lateral fraction f when it is fixed (ignored when f is calibrated)
     * @param calibrateFraction  whether f is calibrated too, within [fractionMin, fractionMax]
     * @param fractionMin        lower bound of f
     * @param fractionMax        upper bound of f
     */
    public record Options(int warmUpSteps, double kMinHours, double kMaxHours, double lateralFraction,
                          boolean calibrateFraction, double fractionMin, double fractionMax) {
        public Options {
            if (!(kMinHours > 0 && kMaxHours > kMinHours && kMaxHours <= MuskingumParameters.MAX_K_HOURS)) {
                throw new IllegalArgumentException("K bounds must satisfy 0 < min < max <= "
                        + MuskingumParameters.MAX_K_HOURS + " h, got [" + kMinHours + ", " + kMaxHours + "]");
            }
            if (calibrateFraction && !(fractionMin > -1 && fractionMax > fractionMin)) {
                throw new IllegalArgumentException("lateral fraction bounds must satisfy -1 < min < max, got ["
                        + fractionMin + ", " + fractionMax + "]");
            }
            if (warmUpSteps < 0) {
                throw new IllegalArgumentException("warm-up must not be negative");
            }
        }

        /** K in [0.1 step, 240 h], X in [0, 0.5], f fixed at {@code lateralFraction}, 24 steps of warm-up. */
        public static Options fixedFraction(double stepHours, double lateralFraction) {
            return new Options(24, 0.1 * stepHours, MuskingumParameters.MAX_K_HOURS, lateralFraction, false, 0, 0);
        }

        /** As {@link #fixedFraction} but f calibrated within [fractionMin, fractionMax]. */
        public static Options calibratedFraction(double stepHours, double fractionMin, double fractionMax) {
            return new Options(24, 0.1 * stepHours, MuskingumParameters.MAX_K_HOURS, 0, true, fractionMin,
                    fractionMax);
        }
    }

    private static final int K_GRID = 25;
    private static final int X_GRID = 11;
    private static final int F_GRID = 11;

    private MuskingumCalibration() {
    }

    /**
     * @param upstream   upstream discharges (m³/s), one value per step, complete (no NaN)
     * @param lateral    lateral inflow series L (m³/s), complete, or {@code null}
     * @param downstream observed downstream discharge (m³/s); NaN where missing
     * @param stepHours  step Δt, h
     */
    public static MuskingumFit calibrate(double[][] upstream, double[] lateral, double[] downstream,
                                         double stepHours, Options options) {
        if (upstream.length == 0) {
            throw new IllegalArgumentException("no upstream series");
        }
        int length = downstream.length;
        for (double[] u : upstream) {
            requireComplete("upstream discharge", u, length);
        }
        if (lateral != null) {
            requireComplete("lateral inflow", lateral, length);
        }
        if (length - options.warmUpSteps() < 3) {
            throw new IllegalArgumentException("only " + length + " steps for a warm-up of "
                    + options.warmUpSteps() + "; give a longer period");
        }
        Objective objective = new Objective(upstream, lateral, downstream, stepHours, options);

        // grid screening: K log-spaced, X every 0.05, f on 11 values when calibrated
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        int fSteps = options.calibrateFraction() ? F_GRID : 1;
        for (int k = 0; k < K_GRID; k++) {
            for (int x = 0; x < X_GRID; x++) {
                for (int f = 0; f < fSteps; f++) {
                    double[] u = {(double) k / (K_GRID - 1), (double) x / (X_GRID - 1),
                            fSteps == 1 ? 0 : (double) f / (F_GRID - 1)};
                    double[] point = options.calibrateFraction() ? u : Arrays.copyOf(u, 2);
                    double value = objective.value(point);
                    if (value > bestValue) {
                        bestValue = value;
                        best = point;
                    }
                }
            }
        }
        int dimension = best.length;
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        Arrays.fill(upper, 1);
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * dimension + 1, 0.05, 1e-7);
        PointValuePair optimum = optimizer.optimize(new MaxEval(2000), new ObjectiveFunction(objective),
                GoalType.MAXIMIZE, new InitialGuess(best), new SimpleBounds(lower, upper));
        double[] found = optimum.getValue() >= bestValue ? optimum.getPoint() : best;
        double nse = objective.value(found);
        return new MuskingumFit(objective.parameters(found), objective.fraction(found), nse, objective.evaluations);
    }

    private static void requireComplete(String what, double[] values, int length) {
        if (values.length != length) {
            throw new IllegalArgumentException(what + " has " + values.length + " steps, the downstream series "
                    + length);
        }
        for (int t = 0; t < values.length; t++) {
            if (!Double.isFinite(values[t])) {
                throw new IllegalArgumentException(what + " is missing at step " + t + "; fill the gap or cut the"
                        + " period");
            }
        }
    }

    /** NSE as a function of the scaled coordinates (ln K, X/0.5[, f]) in [0, 1]. */
    private static final class Objective implements MultivariateFunction {
        private final double[][] upstream;
        private final double[] lateral;
        private final double[] downstream;
        private final double stepHours;
        private final Options options;
        private int evaluations;

        Objective(double[][] upstream, double[] lateral, double[] downstream, double stepHours, Options options) {
            this.upstream = upstream;
            this.lateral = lateral;
            this.downstream = downstream;
            this.stepHours = stepHours;
            this.options = options;
        }

        MuskingumParameters parameters(double[] u) {
            double lnMin = Math.log(options.kMinHours());
            double lnMax = Math.log(options.kMaxHours());
            double k = Math.exp(lnMin + clamp(u[0]) * (lnMax - lnMin));
            return new MuskingumParameters(Math.min(k, options.kMaxHours()), Math.min(0.5, 0.5 * clamp(u[1])));
        }

        double fraction(double[] u) {
            return options.calibrateFraction()
                    ? options.fractionMin() + clamp(u[2]) * (options.fractionMax() - options.fractionMin())
                    : options.lateralFraction();
        }

        @Override
        public double value(double[] u) {
            evaluations++;
            double[] inflow = MuskingumRouting.inflow(upstream, fraction(u), lateral);
            double start = Double.isFinite(downstream[0]) ? downstream[0] : inflow[0];
            double[] routed = MuskingumRouting.route(parameters(u), stepHours, inflow, 0, start);
            double nse = Nse.of(downstream, routed, options.warmUpSteps());
            return Double.isNaN(nse) ? -1e30 : nse;
        }

        private static double clamp(double v) {
            return Math.max(0, Math.min(1, v));
        }
    }
}

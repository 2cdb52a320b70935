package org.vigie.calibration.internal;

import java.util.concurrent.atomic.AtomicInteger;

/** Test functions whose optimum is known, defined in the transformed space of a parameter space. */
final class AnalyticProblems {

    private AnalyticProblems() {
    }

    /** Euclidean distance to {@code optimumTransformed}, a minimised criterion equal to 0 at the optimum. */
    static CalibrationProblem shiftedQuadratic(ParameterSpace space, double[] optimumTransformed, AtomicInteger calls) {
        CalibrationObjective objective = real -> {
            calls.incrementAndGet();
            double[] transformed = space.toTransformed(real);
            double sum = 0;
            for (int i = 0; i < transformed.length; i++) {
                double gap = transformed[i] - optimumTransformed[i];
                sum += gap * gap;
            }
            return Math.sqrt(sum);
        };
        return new CalibrationProblem(space, CriterionDefinition.minimised("distance", 0.0), objective);
    }

    /**
     * 1 − Rosenbrock(t − shift), a maximised NSE-like criterion whose best value 1 lies at t = shift + (1, 1, ...),
     * at the bottom of a curved valley that coordinate searches find hard. {@code curvature} is the weight of the valley
     * term, 100 in the classic function.
     */
    static CalibrationProblem shiftedRosenbrock(ParameterSpace space, double[] shift, double curvature) {
        CalibrationObjective objective = real -> {
            double[] t = space.toTransformed(real);
            double sum = 0;
            for (int i = 0; i + 1 < t.length; i++) {
                double x = t[i] - shift[i];
                double y = t[i + 1] - shift[i + 1];
                sum += curvature * (y - x * x) * (y - x * x) + (1 - x) * (1 - x);
            }
            return 1 - sum;
        };
        return new CalibrationProblem(space, CriterionDefinition.maximised("1-Rosenbrock", 1.0), objective);
    }
}

package org.vigie.calibration.internal;

import java.util.Objects;
import java.util.function.Function;

/**
 * Klemeš' split-sample test: calibrate on one period, check the parameters on the other, then swap. A model whose
 * criterion collapses outside its calibration period is over-fitted or its structure does not transfer.
 */
public final class SplitSampleValidation {

    private final Calibrator calibrator;

    public SplitSampleValidation(Calibrator calibrator) {
        this.calibrator = Objects.requireNonNull(calibrator, "calibrator");
    }

    /**
     * @param problemForPeriod builds the calibration problem (model run and criterion) over a period; the same problem
     *                         serves to evaluate parameters calibrated elsewhere
     * @param <P>              how the caller designates a period (dates, index ranges...)
     */
    public <P> SplitSampleResult<P> run(P periodA, P periodB, Function<P, CalibrationProblem> problemForPeriod,
            CalibrationProgressListener listener) {
        CalibrationProblem problemA = problemForPeriod.apply(periodA);
        CalibrationProblem problemB = problemForPeriod.apply(periodB);
        CalibrationResult calibratedOnA = calibrator.calibrate(problemA, listener);
        CalibrationResult calibratedOnB = calibrator.calibrate(problemB, listener);
        double aOnB = problemB.objective().evaluate(calibratedOnA.realParameters());
        double bOnA = problemA.objective().evaluate(calibratedOnB.realParameters());
        return new SplitSampleResult<>(problemA.criterion(), periodA, periodB, calibratedOnA, aOnB, calibratedOnB, bOnA);
    }

    public <P> SplitSampleResult<P> run(P periodA, P periodB, Function<P, CalibrationProblem> problemForPeriod) {
        return run(periodA, periodB, problemForPeriod, CalibrationProgressListener.IGNORE);
    }

    /**
     * @param validationOnB criterion over period B of the parameters calibrated on A
     * @param validationOnA criterion over period A of the parameters calibrated on B
     */
    public record SplitSampleResult<P>(CriterionDefinition criterion, P periodA, P periodB,
            CalibrationResult calibrationOnA, double validationOnB, CalibrationResult calibrationOnB,
            double validationOnA) {

        /** How much worse the criterion is on B than on A with A's parameters; positive means degradation. */
        public double degradationFromAToB() {
            return criterion.score(validationOnB) - criterion.score(calibrationOnA.criterion());
        }

        /** How much worse the criterion is on A than on B with B's parameters; positive means degradation. */
        public double degradationFromBToA() {
            return criterion.score(validationOnA) - criterion.score(calibrationOnB.criterion());
        }
    }
}

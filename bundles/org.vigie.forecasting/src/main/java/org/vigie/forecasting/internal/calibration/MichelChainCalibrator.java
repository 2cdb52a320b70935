package org.vigie.forecasting.internal.calibration;

import java.util.function.ToDoubleFunction;

import org.vigie.calibration.internal.AirGrModel;
import org.vigie.calibration.internal.CalibrationProblem;
import org.vigie.calibration.internal.CalibrationProgressListener;
import org.vigie.calibration.internal.CalibrationResult;
import org.vigie.calibration.internal.CriterionDefinition;
import org.vigie.calibration.internal.MichelCalibration;
import org.vigie.calibration.internal.ParameterSpace;
import org.vigie.forecasting.internal.ChainCalibrator;
import org.vigie.forecasting.internal.HindcastProgressListener;
import org.vigie.hydrology.internal.criteria.Criterion;
import org.vigie.model.gr.internal.core.GrModel;

/**
 * airGR's Calibration_Michel with airGR's default parameter space of the model ({@link AirGrModel}). Progress: the
 * screening grid counts for 30 %, the local search for the rest (its length is not known in advance, so the
 * percentage jumps to 100 when it converges). Stateless.
 */
public final class MichelChainCalibrator implements ChainCalibrator {

    @Override
    public Calibration calibrate(GrModel model, Criterion criterion, ToDoubleFunction<double[]> criterionOf,
                                 HindcastProgressListener progress) {
        String name = criterion.airGrName();
        CriterionDefinition definition = criterion.biggerIsBetter() ? CriterionDefinition.maximised(name, 1.0)
                : CriterionDefinition.minimised(name, 0.0);
        ParameterSpace space = AirGrModel.valueOf(model.name()).parameterSpace();
        int gridSize = space.screeningGrid().size();
        int maxIterations = 100 * space.size();
        int[] reported = {-1};
        CalibrationProgressListener listener = report -> {
            int percent = switch (report.phase()) {
                case SCREENING -> 30 * Math.min(report.runs(), gridSize) / gridSize;
                case LOCAL_SEARCH, EVOLUTION -> 30 + 69 * Math.min(report.iteration(), maxIterations)
                        / maxIterations;
                case COMPLETED -> 100;
            };
            if (percent != reported[0]) {
                reported[0] = percent;
                progress.onProgress("calibration", percent);
            }
        };
        CalibrationResult result = new MichelCalibration().calibrate(new CalibrationProblem(space, definition,
                criterionOf::applyAsDouble), listener);
        return new Calibration(result.realParameters(), result.criterionName(), result.criterion(), result.runs(),
                result.elapsed(), result.summary());
    }
}

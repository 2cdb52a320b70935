package org.vigie.forecasting.internal;

import java.time.Duration;
import java.util.function.ToDoubleFunction;

import org.vigie.hydrology.internal.criteria.Criterion;
import org.vigie.model.gr.internal.core.GrModel;

/**
 * Finds the parameters of a GR model that optimise a criterion. A seam: the forecasting core does not depend on an
 * optimiser, so that it can be embedded alone; {@code org.vigie.forecasting.internal.calibration} provides airGR's
 * Michel procedure.
 */
@FunctionalInterface
public interface ChainCalibrator {

    /**
     * The outcome of a calibration.
     *
     * @param parameters    X1… in the model's order
     * @param criterionName e.g. "NSE"
     * @param criterion     the criterion value at those parameters
     * @param runs          model runs made
     * @param elapsed       wall time
     * @param summary       a line for logs
     */
    record Calibration(double[] parameters, String criterionName, double criterion, int runs, Duration elapsed,
                       String summary) {
        public Calibration {
            parameters = parameters.clone();
        }

        @Override
        public double[] parameters() {
            return parameters.clone();
        }
    }

    /**
     * @param criterionOf the criterion of a parameter set (NaN when it cannot be computed)
     * @param progress    receives phase "calibration" and a percentage
     */
    Calibration calibrate(GrModel model, Criterion criterion, ToDoubleFunction<double[]> criterionOf,
                          HindcastProgressListener progress);
}

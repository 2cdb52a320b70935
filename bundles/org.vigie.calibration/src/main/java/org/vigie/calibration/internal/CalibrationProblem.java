package org.vigie.calibration.internal;

import java.util.Objects;

/** What to calibrate (a parameter space), against what (an objective) and how to read the result (a criterion). */
public record CalibrationProblem(ParameterSpace parameterSpace, CriterionDefinition criterion,
        CalibrationObjective objective) {

    public CalibrationProblem {
        Objects.requireNonNull(parameterSpace, "parameterSpace");
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(objective, "objective");
    }
}

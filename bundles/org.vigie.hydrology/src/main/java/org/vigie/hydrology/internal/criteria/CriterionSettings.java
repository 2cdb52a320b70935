package org.vigie.hydrology.internal.criteria;

import java.util.Objects;
import java.util.OptionalDouble;

import org.vigie.hydrology.internal.numeric.CompensatedSum;

/**
 * How a criterion is computed, mirroring the options of airGR's {@code CreateInputsCrit}.
 *
 * @param transformation flow transformation applied to both series ({@code transfo})
 * @param epsilon        offset added to both series before transforming ({@code epsilon}); empty means airGR's default
 *                       {@code NULL}: no offset, and time steps whose transform is not finite (log or inverse of a zero
 *                       flow) are excluded. Never applied with Box-Cox.
 * @param selection      time steps to use ({@code BoolCrit}), or null for all
 * @param variableName   name of the variable in the criterion label ({@code VarObs}), "Q" for discharge
 */
public record CriterionSettings(FlowTransformation transformation, OptionalDouble epsilon, boolean[] selection,
                                String variableName) {

    public CriterionSettings {
        Objects.requireNonNull(transformation, "transformation");
        Objects.requireNonNull(epsilon, "epsilon");
        Objects.requireNonNull(variableName, "variableName");
        if (epsilon.isPresent() && !(epsilon.getAsDouble() > 0.0)) {
            throw new IllegalArgumentException("'epsilon' must be a positive value, got " + epsilon.getAsDouble());
        }
        selection = selection == null ? null : selection.clone();
    }

    /** Untransformed discharge, no epsilon, every time step: airGR's defaults. */
    public static CriterionSettings defaults() {
        return new CriterionSettings(FlowTransformation.NONE, OptionalDouble.empty(), null, "Q");
    }

    public static CriterionSettings transformed(FlowTransformation transformation) {
        return defaults().withTransformation(transformation);
    }

    public CriterionSettings withTransformation(FlowTransformation newTransformation) {
        return new CriterionSettings(newTransformation, epsilon, selection, variableName);
    }

    public CriterionSettings withEpsilon(double newEpsilon) {
        return new CriterionSettings(transformation, OptionalDouble.of(newEpsilon), selection, variableName);
    }

    public CriterionSettings withSelection(boolean[] newSelection) {
        return new CriterionSettings(transformation, epsilon, newSelection, variableName);
    }

    public CriterionSettings withVariableName(String newVariableName) {
        return new CriterionSettings(transformation, epsilon, selection, newVariableName);
    }

    @Override
    public boolean[] selection() {
        return selection == null ? null : selection.clone();
    }

    boolean isSelected(int step) {
        return selection == null || selection[step];
    }

    /**
     * The epsilon recommended by airGR's documentation for log and inverse transformations (Pushpalatha et al.,
     * 2012): one hundredth of the mean observed flow, missing values ignored. airGR does not apply it by default;
     * pass it to {@link #withEpsilon(double)} explicitly.
     */
    public static double pushpalathaEpsilon(double[] observed) {
        CompensatedSum sum = new CompensatedSum();
        for (double value : observed) {
            if (!Double.isNaN(value)) {
                sum.add(value);
            }
        }
        if (sum.count() == 0) {
            throw new IllegalArgumentException("no observed value to derive epsilon from");
        }
        return sum.dividedBy(sum.count()) / 100.0;
    }
}

package org.vigie.hydrology.internal.criteria;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The outcome of a criterion computation, shaped like airGR's {@code OutputsCrit}.
 *
 * @param criterion     which criterion
 * @param name          airGR's {@code CritName}, e.g. {@code NSE[Q]} or {@code KGE[sqrt(Q)]}
 * @param value         {@code CritValue}; NaN where airGR returns NA (too few points, non-finite result)
 * @param subCriteria   {@code SubCritValues} with {@code SubCritNames} (r, alpha/gamma, beta for KGE/KGE2; empty
 *                      otherwise)
 * @param ignoredSteps  {@code Ind_notcomputed}, as 0-based indices: steps excluded because a transformed value was
 *                      missing or not finite, or because the step was not selected
 * @param usedSteps     number of time steps the criterion was computed on
 * @param warnings      the warnings airGR would print (zero flows with log/inv, fewer than 10 steps, ...)
 */
public record CriterionResult(Criterion criterion, String name, double value, List<SubCriterion> subCriteria,
                              int[] ignoredSteps, int usedSteps, List<String> warnings) {

    public CriterionResult {
        subCriteria = List.copyOf(subCriteria);
        ignoredSteps = ignoredSteps.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public int[] ignoredSteps() {
        return ignoredSteps.clone();
    }

    /** airGR's {@code CritBestValue}, which airGR sets to +1 for every criterion, RMSE included. */
    public double bestValue() {
        return 1.0;
    }

    /** airGR's {@code Multiplier}; calibration minimises {@code multiplier() * value()}. */
    public int multiplier() {
        return criterion.multiplier();
    }

    public double subCriterion(String subCriterionName) {
        return subCriteria.stream()
                .filter(s -> s.name().equals(subCriterionName))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(criterion + " has no sub-criterion " + subCriterionName))
                .value();
    }

    /** True when a value could be computed (airGR's CritValue is not NA). */
    public boolean isComputed() {
        return !Double.isNaN(value);
    }
}

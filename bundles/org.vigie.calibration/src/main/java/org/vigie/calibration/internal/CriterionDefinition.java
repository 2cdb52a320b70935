package org.vigie.calibration.internal;

import java.util.Objects;

/**
 * Name and orientation of a goodness-of-fit criterion. Optimisers minimise {@code value × multiplier}, airGR's
 * convention: −1 for criteria where higher is better (NSE, KGE), +1 for errors (RMSE).
 */
public record CriterionDefinition(String name, double multiplier, double bestValue) {

    public CriterionDefinition {
        Objects.requireNonNull(name, "name");
        if (multiplier != 1.0 && multiplier != -1.0) {
            throw new IllegalArgumentException("multiplier must be +1 or -1, got " + multiplier);
        }
    }

    public static CriterionDefinition maximised(String name, double bestValue) {
        return new CriterionDefinition(name, -1.0, bestValue);
    }

    public static CriterionDefinition minimised(String name, double bestValue) {
        return new CriterionDefinition(name, 1.0, bestValue);
    }

    /** The quantity optimisers minimise. */
    public double score(double criterionValue) {
        return criterionValue * multiplier;
    }

    /** Back from a score to the criterion value (the multiplier is its own inverse). */
    public double value(double score) {
        return score * multiplier;
    }
}

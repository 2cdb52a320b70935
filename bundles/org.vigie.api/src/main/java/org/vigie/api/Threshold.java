package org.vigie.api;

import java.util.Collection;
import java.util.Objects;

/**
 * A value of a station's quantity at and above which a vigilance level applies.
 *
 * @param stationCode the station
 * @param quantity    the quantity compared (H or Q usually)
 * @param level       the level reached when the value is at or above {@code value}; never GREEN
 * @param value       the threshold, in the quantity's unit
 * @param label       what the threshold means locally, e.g. "seuil d'alerte de la ville (2,20 m)"
 */
public record Threshold(String stationCode, Quantity quantity, VigilanceLevel level, double value, String label) {
    public Threshold {
        Objects.requireNonNull(stationCode, "stationCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(level, "level");
        if (level == VigilanceLevel.GREEN) {
            throw new IllegalArgumentException("GREEN is the absence of a threshold, not a threshold");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("threshold value must be finite");
        }
        label = label == null ? "" : label;
    }

    /**
     * The highest threshold among {@code thresholds} (same station and quantity assumed) that {@code value}
     * reaches, or {@code null} when none is reached or the value is missing.
     */
    public static Threshold highestReached(Collection<Threshold> thresholds, double value) {
        Threshold best = null;
        if (Double.isNaN(value)) {
            return null;
        }
        for (Threshold t : thresholds) {
            if (value >= t.value && (best == null || t.level.isAbove(best.level)
                    || (t.level == best.level && t.value > best.value))) {
                best = t;
            }
        }
        return best;
    }
}

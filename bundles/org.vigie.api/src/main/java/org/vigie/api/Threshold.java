package org.vigie.api;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * A vigilance threshold of a station's quantity: the level it raises and the rule deciding when. Rules in full,
 * with a worked example, are in {@code docs/vigilance.md}.
 *
 * <p>A {@link Kind#LEVEL} threshold is reached when the value is at or above {@code value}. It is entered from
 * observations only once the value has stayed at or above {@code value} for {@code minDuration}, and left only when
 * the value falls below {@code value − hysteresis}. Against a forecast, it is reached when a value within
 * {@code forecastWithin} of the issue time reaches it — or, when {@code forecastProbability} is set and the forecast
 * has quantiles, when the probability of exceeding {@code value} at some such lead time is at least
 * {@code forecastProbability}.
 *
 * <p>A {@link Kind#RATE_OF_RISE} threshold is reached when the observed quantity rose by at least {@code value}
 * (its unit per hour) over {@code rateWindow}; it is judged on observations only and left when the rise falls
 * below {@code value − hysteresis}.
 *
 * @param stationCode         the station
 * @param quantity            the quantity compared (H or Q usually)
 * @param level               the level reached; never GREEN
 * @param value               the threshold in the quantity's unit (LEVEL), or the rise in the quantity's unit per
 *                            hour (RATE_OF_RISE)
 * @param label               what the threshold means locally, e.g. "seuil d'alerte de la ville (2,20 m)"
 * @param kind                what is compared with {@code value}; null is taken as LEVEL
 * @param hysteresis          ≥ 0, in the unit of {@code value}: the level is left only below
 *                            {@code value − hysteresis}; 0 leaves it as soon as the value is below {@code value}
 * @param minDuration         ≥ 0 (null is taken as zero): how long observed values must have stayed at or above
 *                            {@code value} before the level is entered; LEVEL only
 * @param rateWindow          &gt; 0 for RATE_OF_RISE, the span over which the rise is measured; null for LEVEL
 * @param forecastProbability in [0, 1]: the exceedance probability a quantiled forecast must reach; 0 lets the
 *                            deterministic (median) value decide; LEVEL only
 * @param forecastWithin      &gt; 0: only forecast lead times up to this count; null for the whole horizon; LEVEL
 *                            only
 * @param localLevel          the name of the named local level this threshold marks (e.g. a city's action level
 *                            "N2 – caves à vider"), or "" (null is taken as "") when it marks none: crossing it
 *                            changes the station's local stage and raises a
 *                            {@link AlertEvent.Transition#LOCAL_STEP} even when the vigilance level stays the same;
 *                            LEVEL only
 * @since 1.1 (the components after {@code label}); 1.2 ({@code localLevel})
 */
public record Threshold(String stationCode, Quantity quantity, VigilanceLevel level, double value, String label,
                        Kind kind, double hysteresis, Duration minDuration, Duration rateWindow,
                        double forecastProbability, Duration forecastWithin, String localLevel) {

    /**
     * What a threshold compares.
     *
     * @since 1.1
     */
    public enum Kind {
        /** The value of the quantity. */
        LEVEL,
        /** The rise of the quantity per hour over the threshold's {@code rateWindow}. */
        RATE_OF_RISE
    }

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
        localLevel = localLevel == null ? "" : localLevel.strip();
        kind = kind == null ? Kind.LEVEL : kind;
        minDuration = minDuration == null ? Duration.ZERO : minDuration;
        if (!(hysteresis >= 0) || !Double.isFinite(hysteresis)) {
            throw new IllegalArgumentException("hysteresis must be a finite number ≥ 0, not " + hysteresis);
        }
        if (minDuration.isNegative()) {
            throw new IllegalArgumentException("minDuration must not be negative: " + minDuration);
        }
        if (!(forecastProbability >= 0 && forecastProbability <= 1)) {
            throw new IllegalArgumentException("forecastProbability must be in [0, 1], not " + forecastProbability);
        }
        if (forecastWithin != null && (forecastWithin.isNegative() || forecastWithin.isZero())) {
            throw new IllegalArgumentException("forecastWithin must be positive: " + forecastWithin);
        }
        if (kind == Kind.LEVEL) {
            if (rateWindow != null) {
                throw new IllegalArgumentException("rateWindow applies only to rate-of-rise thresholds");
            }
        } else {
            if (rateWindow == null || rateWindow.isNegative() || rateWindow.isZero()) {
                throw new IllegalArgumentException("a rate-of-rise threshold needs a positive rateWindow");
            }
            if (!(value > 0)) {
                throw new IllegalArgumentException("a rate-of-rise threshold needs a positive rise per hour, not "
                        + value);
            }
            if (!minDuration.isZero() || forecastProbability != 0 || forecastWithin != null) {
                throw new IllegalArgumentException("minDuration, forecastProbability and forecastWithin apply only "
                        + "to level thresholds (a rate of rise is judged on observations over its rateWindow)");
            }
            if (!localLevel.isEmpty()) {
                throw new IllegalArgumentException("localLevel applies only to level thresholds");
            }
        }
    }

    /**
     * A threshold marking no named local level ({@code localLevel} ""): the 1.1 components.
     */
    public Threshold(String stationCode, Quantity quantity, VigilanceLevel level, double value, String label,
                     Kind kind, double hysteresis, Duration minDuration, Duration rateWindow,
                     double forecastProbability, Duration forecastWithin) {
        this(stationCode, quantity, level, value, label, kind, hysteresis, minDuration, rateWindow,
                forecastProbability, forecastWithin, "");
    }

    /** @return whether this threshold marks a named local level */
    public boolean hasLocalLevel() {
        return !localLevel.isEmpty();
    }

    /**
     * A level threshold with the immediate, hysteresis-free rule: reached at or above {@code value}, left below it,
     * and judged on forecasts by their deterministic values over the whole horizon.
     */
    public Threshold(String stationCode, Quantity quantity, VigilanceLevel level, double value, String label) {
        this(stationCode, quantity, level, value, label, Kind.LEVEL, 0, Duration.ZERO, null, 0, null, "");
    }

    /**
     * The highest {@link Kind#LEVEL} threshold among {@code thresholds} (same station and quantity assumed) that
     * {@code value} reaches, or {@code null} when none is reached or the value is missing. Hysteresis, minimum
     * duration and rate-of-rise thresholds are not considered: this is the plain comparison of one value.
     */
    public static Threshold highestReached(Collection<Threshold> thresholds, double value) {
        Threshold best = null;
        if (Double.isNaN(value)) {
            return null;
        }
        for (Threshold t : thresholds) {
            if (t.kind == Kind.LEVEL && value >= t.value && (best == null || t.level.isAbove(best.level)
                    || (t.level == best.level && t.value > best.value))) {
                best = t;
            }
        }
        return best;
    }
}

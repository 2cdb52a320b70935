package org.vigie.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One forecast run for one forecast point: values at increasing lead times after the issue time, with
 * optional quantiles (e.g. 0.1, 0.5, 0.9) describing its uncertainty. Every run is archived, never replaced.
 *
 * @param forecastPointId the forecast point it was made for
 * @param stationCode     the station whose quantity is forecast
 * @param quantity        the forecast quantity
 * @param modelId         the model that produced it
 * @param modelVersion    the version of the bundle that produced it
 * @param issueTime       the time the forecast is issued for (its "now")
 * @param leadTimes       strictly increasing, positive lead times
 * @param values          the deterministic (or median) value at each lead time
 * @param quantiles       probability in (0, 1) → values at each lead time; empty when none
 */
public record Forecast(String forecastPointId, String stationCode, Quantity quantity, String modelId,
                       String modelVersion, Instant issueTime, List<Duration> leadTimes, double[] values,
                       Map<Double, double[]> quantiles) {

    public Forecast {
        Objects.requireNonNull(forecastPointId, "forecastPointId");
        Objects.requireNonNull(stationCode, "stationCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(issueTime, "issueTime");
        modelVersion = modelVersion == null ? "" : modelVersion;
        leadTimes = List.copyOf(leadTimes);
        values = values.clone();
        if (leadTimes.size() != values.length) {
            throw new IllegalArgumentException(leadTimes.size() + " lead times but " + values.length + " values");
        }
        for (int i = 0; i < leadTimes.size(); i++) {
            Duration lead = leadTimes.get(i);
            if (lead.isNegative() || (i > 0 && lead.compareTo(leadTimes.get(i - 1)) <= 0)) {
                throw new IllegalArgumentException("lead times must be non-negative and increasing: " + leadTimes);
            }
        }
        TreeMap<Double, double[]> copy = new TreeMap<>();
        if (quantiles != null) {
            for (Map.Entry<Double, double[]> q : quantiles.entrySet()) {
                if (!(q.getKey() > 0 && q.getKey() < 1) || q.getValue().length != leadTimes.size()) {
                    throw new IllegalArgumentException("quantile " + q.getKey()
                            + " must be in (0,1) with one value per lead time");
                }
                copy.put(q.getKey(), q.getValue().clone());
            }
        }
        quantiles = Collections.unmodifiableSortedMap(copy);
    }

    /** @return the number of lead times */
    public int size() {
        return values.length;
    }

    /** @return the time value {@code i} is valid at: issue time plus lead time {@code i} */
    public Instant validTime(int i) {
        return issueTime.plus(leadTimes.get(i));
    }

    /** @return the value at lead {@code i} */
    public double value(int i) {
        return values[i];
    }

    /** @return a copy of the values */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** @return the largest forecast value and its index, or index -1 when every value is missing */
    public Peak peak() {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        return new Peak(best, best < 0 ? Double.NaN : values[best], best < 0 ? null : validTime(best));
    }

    /** The largest value of a forecast and when it is expected. */
    public record Peak(int index, double value, Instant time) {
    }

    /**
     * The probability that the value at each lead time exceeds {@code threshold}, read off the quantiles by linear
     * interpolation of the cumulative distribution between them. Outside the quantiles the probability is only
     * bounded: below the lowest quantile p it is given as 1 − p (at least that), above the highest as 1 − p (at most
     * that). Without quantiles it is 0 or 1 from the deterministic value; NaN where the value is missing.
     *
     * @since 1.1
     */
    public double[] exceedanceProbabilities(double threshold) {
        double[] probabilities = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (quantiles.isEmpty()) {
                probabilities[i] = Double.isNaN(values[i]) ? Double.NaN : values[i] > threshold ? 1 : 0;
                continue;
            }
            double previousLevel = Double.NaN;
            double previousValue = Double.NaN;
            double cumulative = Double.NaN;
            for (Map.Entry<Double, double[]> q : quantiles.entrySet()) {
                double level = q.getKey();
                double value = q.getValue()[i];
                if (Double.isNaN(value)) {
                    continue;
                }
                if (threshold < value) {
                    cumulative = Double.isNaN(previousValue) ? level
                            : previousLevel + (level - previousLevel) * (threshold - previousValue)
                            / (value - previousValue);
                    break;
                }
                previousLevel = level;
                previousValue = value;
                cumulative = level;
            }
            probabilities[i] = Double.isNaN(cumulative) ? Double.NaN : 1 - cumulative;
        }
        return probabilities;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Forecast f)) {
            return false;
        }
        if (!(forecastPointId.equals(f.forecastPointId) && stationCode.equals(f.stationCode) && quantity == f.quantity
                && modelId.equals(f.modelId) && modelVersion.equals(f.modelVersion) && issueTime.equals(f.issueTime)
                && leadTimes.equals(f.leadTimes) && Arrays.equals(values, f.values)
                && quantiles.keySet().equals(f.quantiles.keySet()))) {
            return false;
        }
        return quantiles.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), f.quantiles.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(forecastPointId, issueTime, modelId, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Forecast[" + forecastPointId + " " + quantity + " by " + modelId + " issued " + issueTime + ", "
                + values.length + " leads]";
    }
}

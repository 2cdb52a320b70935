package org.vigie.qc.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vigie.api.Observation;

/**
 * Consistency of a station with an upstream or downstream neighbour measuring the same quantity: the ratio of the
 * station's value to the neighbour's value {@code lag} earlier is steady over days (it reflects the catchment areas);
 * a sensor drifting, an offset after maintenance or a rating curve gone stale shows as the ratio's daily median
 * leaving the period's usual ratio. Rain on the area between the two shifts the ratio for hours, not for the whole
 * window, so the daily median ignores it.
 *
 * @param lag        travel time from the upstream station to the downstream one (negative when the neighbour is
 *                   downstream)
 * @param window     span of the local median of the ratio
 * @param tolerance  smallest relative departure of the local ratio from the usual ratio that is flagged
 */
public record NeighbourCheck(Duration lag, Duration window, double tolerance) {

    /** Values at or below this are left out of ratios (dry river, zero level). */
    private static final double MIN_VALUE = 1e-3;

    public NeighbourCheck {
        if (window.isNegative() || window.isZero() || !(tolerance > 0)) {
            throw new IllegalArgumentException("neighbour check needs a positive window and tolerance, got "
                    + window + ", " + tolerance);
        }
    }

    /** A station's value whose ratio to the neighbour's left the usual ratio. */
    public record Finding(Instant time, double value, double localRatio, double usualRatio, String reason) {
    }

    /**
     * @param station   the checked station's observations, in time order
     * @param neighbour the neighbour's observations of the same quantity, in time order
     * @return the station's observations found inconsistent, in time order
     */
    public List<Finding> check(List<Observation> station, List<Observation> neighbour) {
        Map<Instant, Double> neighbourAt = new HashMap<>();
        for (Observation o : neighbour) {
            neighbourAt.putIfAbsent(o.time().plus(lag), o.value());
        }
        List<Observation> paired = new ArrayList<>();
        List<Double> logRatios = new ArrayList<>();
        for (Observation o : station) {
            Double other = neighbourAt.get(o.time());
            if (other != null && other > MIN_VALUE && o.value() > MIN_VALUE) {
                paired.add(o);
                logRatios.add(Math.log(o.value() / other));
            }
        }
        int n = paired.size();
        if (n < 3) {
            return List.of();
        }
        double[] ratio = logRatios.stream().mapToDouble(Double::doubleValue).toArray();
        double usual = SeriesDiagnostics.median(ratio);
        double threshold = Math.log1p(tolerance);
        long halfWindowSeconds = window.getSeconds() / 2;
        List<Finding> findings = new ArrayList<>();
        int from = 0;
        int to = 0;
        for (int k = 0; k < n; k++) {
            Instant time = paired.get(k).time();
            while (paired.get(from).time().getEpochSecond() < time.getEpochSecond() - halfWindowSeconds) {
                from++;
            }
            while (to + 1 < n && paired.get(to + 1).time().getEpochSecond() <= time.getEpochSecond() + halfWindowSeconds) {
                to++;
            }
            double local = RollingMedian.of(ratio, from, to, -1);
            if (Math.abs(local - usual) > threshold) {
                findings.add(new Finding(time, paired.get(k).value(), Math.exp(local), Math.exp(usual),
                        String.format(Locale.ROOT, "ratio to the neighbour %.3f over %s around, usually %.3f"
                                + " (%+.0f %%, tolerance %.0f %%)", Math.exp(local), window, Math.exp(usual),
                                100 * (Math.exp(local - usual) - 1), 100 * tolerance)));
            }
        }
        return findings;
    }
}

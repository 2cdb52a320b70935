package org.vigie.qc.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vigie.api.Observation;

/**
 * Level/discharge consistency of one station without needing its rating curve: the pairs (H, Q) observed at the
 * same instants trace the station's stage–discharge relation; a pair whose discharge departs from the discharges of
 * the pairs of nearest level (their median, in logarithm) by more than the tolerance, and far more than pairs
 * usually do, has a level or a discharge that is wrong (a level offset, a discharge computed from a stale curve, one
 * of the two sensors stuck). Both values of such a pair are flagged: the check cannot tell which one is wrong.
 *
 * @param tolerance         smallest relative departure flagged (0.2: a discharge 20 % off the relation)
 * @param madMultiplier     and at least this many robust standard deviations of all departures
 * @param levelNeighbours   pairs of nearest level (on each side) forming the local relation
 */
public record LevelDischargeCheck(double tolerance, double madMultiplier, int levelNeighbours) {

    /** Tolerance 20 %, 6 robust standard deviations, 12 pairs on each side. */
    public static final LevelDischargeCheck DEFAULT = new LevelDischargeCheck(0.2, 6, 12);

    /** Discharges at or below this (m³/s) are left out: a logarithm of zero flow means nothing. */
    private static final double MIN_DISCHARGE = 1e-3;

    public LevelDischargeCheck {
        if (!(tolerance > 0) || !(madMultiplier > 0) || levelNeighbours < 2) {
            throw new IllegalArgumentException("level/discharge check needs tolerance > 0, madMultiplier > 0 and"
                    + " levelNeighbours >= 2, got " + tolerance + ", " + madMultiplier + ", " + levelNeighbours);
        }
    }

    /** A pair found inconsistent, with the reason. */
    public record Finding(Instant time, double level, double discharge, double expectedDischarge, String reason) {
    }

    /** @return the inconsistent pairs, in time order; none when fewer than {@code 2·levelNeighbours + 1} pairs */
    public List<Finding> check(List<Observation> levels, List<Observation> discharges) {
        Map<Instant, Double> dischargeAt = new HashMap<>();
        for (Observation q : discharges) {
            if (q.value() > MIN_DISCHARGE) {
                dischargeAt.putIfAbsent(q.time(), q.value());
            }
        }
        List<double[]> pairs = new ArrayList<>(); // level, log discharge, epoch second
        Map<Instant, Boolean> seen = new HashMap<>();
        for (Observation h : levels) {
            Double q = dischargeAt.get(h.time());
            if (q != null && seen.putIfAbsent(h.time(), Boolean.TRUE) == null) {
                pairs.add(new double[] {h.value(), Math.log(q), h.time().getEpochSecond(), h.time().getNano()});
            }
        }
        int n = pairs.size();
        if (n < 2 * levelNeighbours + 1) {
            return List.of();
        }
        pairs.sort(Comparator.comparingDouble(p -> p[0]));
        double[] logQ = new double[n];
        for (int k = 0; k < n; k++) {
            logQ[k] = pairs.get(k)[1];
        }
        double[] departure = new double[n];
        double[] expected = new double[n];
        for (int k = 0; k < n; k++) {
            // the window slides inside the range so that the lowest and highest levels still get 2·m neighbours
            int from = Math.max(0, Math.min(k - levelNeighbours, n - 1 - 2 * levelNeighbours));
            expected[k] = RollingMedian.of(logQ, from, from + 2 * levelNeighbours, k);
            departure[k] = logQ[k] - expected[k];
        }
        double median = SeriesDiagnostics.median(departure);
        double scale = RollingMedian.MAD_TO_SIGMA * SeriesDiagnostics.mad(departure, median);
        double threshold = Math.max(Math.log1p(tolerance), madMultiplier * scale);
        List<Finding> findings = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (Math.abs(departure[k] - median) > threshold) {
                double[] p = pairs.get(k);
                double q = Math.exp(p[1]);
                double qExpected = Math.exp(expected[k]);
                findings.add(new Finding(Instant.ofEpochSecond((long) p[2], (long) p[3]), p[0], q, qExpected,
                        String.format(Locale.ROOT, "H %.3f m with Q %.4g m³/s: pairs of nearby level give %.4g m³/s"
                                + " (%+.0f %%, tolerance %.0f %%)", p[0], q, qExpected,
                                100 * (q / qExpected - 1), 100 * (Math.exp(threshold) - 1))));
            }
        }
        findings.sort(Comparator.comparing(Finding::time));
        return findings;
    }

}

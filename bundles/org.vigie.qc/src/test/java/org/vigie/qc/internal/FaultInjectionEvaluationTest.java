package org.vigie.qc.internal;

import org.vigie.api.DiagnosticFlag;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

/**
 * Injects known faults into the real hourly discharge of the Cance at Sarras (V3524010, Sep 2014 – Jan 2015, with
 * its autumn floods up to 317 m³/s) and measures how many the diagnostics find (recall) and how many untouched points
 * they flag (false-positive rate). The defaults were tuned with seed {@value #TUNING_SEED} only; seed
 * {@value #CHECK_SEED} is the independent check.
 */
class FaultInjectionEvaluationTest {

    static final long TUNING_SEED = 1;
    static final long CHECK_SEED = 2;
    /** Fresh faults for the upstream gauges, which already informed one revision of the detectors (see README). */
    static final long TRANSFER_SEED = 3;
    static final String GAUGE = "V3524010";
    static final String V3515010 = "V3515010";
    static final String V3517010 = "V3517010";
    /** Independent injections per fault type and seed; each starts again from the untouched series. */
    static final int ROUNDS = 10;
    static final int FAULTS_PER_ROUND = 12;
    /** Untouched points kept between two faults, so one fault does not sit in another's rolling window. */
    static final int SEPARATION = 20;

    enum FaultType { SPIKE, FLATLINE, GAP, OFFSET }

    /** One injected fault: the points it altered (or, for a gap, the first point after it) and where it may show. */
    record Fault(FaultType type, int first, int last, Set<DiagnosticFlag> expected, List<Integer> detectableAt) {
    }

    record Score(int faults, int detected, int cleanPoints, int cleanFlagged) {
        double recall() {
            return faults == 0 ? Double.NaN : (double) detected / faults;
        }

        double falsePositiveRate() {
            return cleanPoints == 0 ? Double.NaN : (double) cleanFlagged / cleanPoints;
        }

        Score plus(Score other) {
            return new Score(faults + other.faults, detected + other.detected, cleanPoints + other.cleanPoints,
                    cleanFlagged + other.cleanFlagged);
        }
    }

    @Test
    void tuningSeedMeetsTargets() {
        assertTargets(GAUGE, TUNING_SEED);
    }

    @Test
    void checkSeedMeetsTargets() {
        assertTargets(GAUGE, CHECK_SEED);
    }

    /**
     * Transfer check on the nested upstream gauges (107 and 25 km², base flow ~0.3 and ~0.1 m³/s), with fresh faults;
     * the defaults were tuned on the outlet. The targets are not all met there (figures in the README): their raw
     * series already contain long held values (102 h at 0.513 m³/s on V3517010), which the flatline test flags and
     * this evaluation counts as false positives, and a 3-decimal record of 0.1 m³/s hides small spikes and holds.
     * So this test bounds what it can honestly bound: recall ≥ 0.90 per fault type, and false positives beyond those
     * already raised on the untouched series ≤ 1 %.
     */
    @Test
    void upstreamGaugesTransfer() {
        for (String gauge : List.of(V3515010, V3517010)) {
            double rawFlaggedRate = rawFlaggedRate(CanceHourlyDischarge.load(gauge));
            report(gauge, TRANSFER_SEED).forEach((type, score) -> {
                assertTrue(score.recall() >= 0.90, gauge + " " + type + " recall " + score.recall());
                assertTrue(score.falsePositiveRate() - rawFlaggedRate <= 0.01, gauge + " " + type
                        + " false-positive rate " + score.falsePositiveRate() + " vs untouched " + rawFlaggedRate);
            });
        }
    }

    private static double rawFlaggedRate(CanceHourlyDischarge series) {
        SeriesDiagnosis untouched = diagnose(series, series.values(), allPresent(series.values().length));
        return (double) java.util.stream.IntStream.range(0, untouched.observations().size())
                .filter(i -> !untouched.isClean(i)).count() / untouched.observations().size();
    }

    @Test
    void untouchedSeriesIsAlmostClean() {
        CanceHourlyDischarge series = CanceHourlyDischarge.load(GAUGE);
        SeriesDiagnosis diagnosis = diagnose(series, series.values(), allPresent(series.values().length));
        long flagged = java.util.stream.IntStream.range(0, diagnosis.observations().size())
                .filter(i -> !diagnosis.isClean(i)).count();
        System.out.printf(Locale.ROOT, "[qc evaluation] untouched %s: %d points, %d flagged (%.3f %%), counts %s%n",
                GAUGE, diagnosis.observations().size(), flagged, 100.0 * flagged / diagnosis.observations().size(),
                diagnosis.countsPerFlag());
        diagnosis.anomalies().forEach(a -> System.out.println("[qc evaluation]   " + a));
        assertTrue(flagged <= 0.01 * diagnosis.observations().size());
    }

    private void assertTargets(String gauge, long seed) {
        Map<FaultType, Score> scores = report(gauge, seed);
        scores.forEach((type, score) -> {
            assertTrue(score.recall() >= 0.95, gauge + " " + type + " recall " + score.recall() + " below 0.95");
            assertTrue(score.falsePositiveRate() <= 0.01,
                    gauge + " " + type + " false-positive rate " + score.falsePositiveRate() + " above 0.01");
        });
    }

    private static Map<FaultType, Score> report(String gauge, long seed) {
        CanceHourlyDischarge series = CanceHourlyDischarge.load(gauge);
        SeriesDiagnosis untouched = diagnose(series, series.values(), allPresent(series.values().length));
        long rawFlagged = java.util.stream.IntStream.range(0, untouched.observations().size())
                .filter(i -> !untouched.isClean(i)).count();
        System.out.printf(Locale.ROOT, "[qc evaluation] %s untouched: %d of %d points flagged (%.2f %%) %s%n",
                gauge, rawFlagged, untouched.observations().size(),
                100.0 * rawFlagged / untouched.observations().size(), untouched.countsPerFlag());
        Map<FaultType, Score> scores = evaluate(series, seed);
        Score total = scores.values().stream().reduce(new Score(0, 0, 0, 0), Score::plus);
        scores.forEach((type, score) -> System.out.printf(Locale.ROOT,
                "[qc evaluation] %s seed %d %-8s faults %4d detected %4d recall %.3f | clean points %6d flagged %4d FP rate %.4f%n",
                gauge, seed, type, score.faults(), score.detected(), score.recall(), score.cleanPoints(),
                score.cleanFlagged(), score.falsePositiveRate()));
        System.out.printf(Locale.ROOT, "[qc evaluation] %s seed %d ALL      recall %.3f FP rate %.4f%n",
                gauge, seed, total.recall(), total.falsePositiveRate());
        return scores;
    }

    static Map<FaultType, Score> evaluate(CanceHourlyDischarge series, long seed) {
        Random random = new Random(seed);
        Map<FaultType, Score> scores = new EnumMap<>(FaultType.class);
        for (FaultType type : FaultType.values()) {
            Score score = new Score(0, 0, 0, 0);
            for (int round = 0; round < ROUNDS; round++) {
                score = score.plus(runRound(series, type, random));
            }
            scores.put(type, score);
        }
        return scores;
    }

    private static Score runRound(CanceHourlyDischarge series, FaultType type, Random random) {
        double[] values = series.values().clone();
        int n = values.length;
        boolean[] present = allPresent(n);
        boolean[] touched = new boolean[n];
        List<Fault> faults = new ArrayList<>();
        int attempts = 0;
        while (faults.size() < FAULTS_PER_ROUND && attempts++ < 10_000) {
            int length = switch (type) {
                case SPIKE -> 1;
                case FLATLINE -> 8 + random.nextInt(29);
                case GAP -> 1 + random.nextInt(12);
                case OFFSET -> 6 + random.nextInt(43);
            };
            int first = SEPARATION + random.nextInt(n - length - 2 * SEPARATION);
            int last = first + length - 1;
            if (overlaps(touched, first - SEPARATION, last + SEPARATION)) {
                continue;
            }
            for (int k = first; k <= last + 1; k++) {
                touched[k] = true;
            }
            faults.add(inject(type, values, present, first, last, random));
        }
        SeriesDiagnosis diagnosis = diagnose(series, values, present);
        // map back from the diagnosed list (present points only) to series indices
        int[] seriesIndexOf = new int[diagnosis.observations().size()];
        int[] listIndexOf = new int[n];
        java.util.Arrays.fill(listIndexOf, -1);
        for (int k = 0, j = 0; k < n; k++) {
            if (present[k]) {
                seriesIndexOf[j] = k;
                listIndexOf[k] = j++;
            }
        }
        int detected = 0;
        for (Fault fault : faults) {
            boolean found = fault.detectableAt().stream().anyMatch(k -> listIndexOf[k] >= 0
                    && diagnosis.flagsAt(listIndexOf[k]).stream().anyMatch(fault.expected()::contains));
            detected += found ? 1 : 0;
        }
        int cleanPoints = 0;
        int cleanFlagged = 0;
        for (int j = 0; j < seriesIndexOf.length; j++) {
            if (!touched[seriesIndexOf[j]]) {
                cleanPoints++;
                cleanFlagged += diagnosis.isClean(j) ? 0 : 1;
            }
        }
        return new Score(faults.size(), detected, cleanPoints, cleanFlagged);
    }

    /**
     * Fault sizes are drawn relative to the local flow, as sensor faults scale with the signal: a spike multiplies the
     * value by 2–5 (plus 0.5–2 m³/s) or drops it to 0–30 %; an offset shifts a stretch by ±30–100 % of its first value
     * (at least 1 m³/s). The point after an altered stretch is part of the fault: the level jumps back there.
     */
    private static Fault inject(FaultType type, double[] values, boolean[] present, int first, int last,
                                Random random) {
        switch (type) {
            case SPIKE -> {
                values[first] = random.nextBoolean()
                        ? values[first] * (2 + 3 * random.nextDouble()) + 0.5 + 1.5 * random.nextDouble()
                        : values[first] * 0.3 * random.nextDouble();
                return new Fault(type, first, last, Set.of(DiagnosticFlag.SPIKE), List.of(first));
            }
            case FLATLINE -> {
                for (int k = first + 1; k <= last; k++) {
                    values[k] = values[first];
                }
                return new Fault(type, first, last, Set.of(DiagnosticFlag.FLATLINE), range(first, last));
            }
            case GAP -> {
                for (int k = first; k <= last; k++) {
                    present[k] = false;
                }
                return new Fault(type, first, last, Set.of(DiagnosticFlag.GAP), List.of(last + 1));
            }
            case OFFSET -> {
                double sign = random.nextBoolean() ? 1 : -1;
                double offset = sign * Math.max(1.0, values[first] * (0.3 + 0.7 * random.nextDouble()));
                for (int k = first; k <= last; k++) {
                    values[k] += offset;
                }
                return new Fault(type, first, last, Set.of(DiagnosticFlag.SPIKE, DiagnosticFlag.RANGE), List.of(first, last + 1));
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    static SeriesDiagnosis diagnose(CanceHourlyDischarge series, double[] values, boolean[] present) {
        List<Observation> observations = new ArrayList<>();
        Instant received = series.times()[series.times().length - 1].plus(Duration.ofHours(1));
        for (int k = 0; k < values.length; k++) {
            if (present[k]) {
                observations.add(new Observation(series.gauge(), Quantity.Q, series.times()[k], values[k], Quality.RAW,
                        Provenance.of("smash Cance dataset"), received));
            }
        }
        return new SeriesDiagnostics(QcSettings.defaults(Duration.ofHours(1)))
                .diagnose(observations, Quantity.Q, received);
    }

    private static boolean[] allPresent(int n) {
        boolean[] present = new boolean[n];
        java.util.Arrays.fill(present, true);
        return present;
    }

    private static boolean overlaps(boolean[] touched, int from, int to) {
        for (int k = Math.max(0, from); k <= Math.min(touched.length - 1, to); k++) {
            if (touched[k]) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> range(int first, int last) {
        List<Integer> indices = new ArrayList<>();
        for (int k = first; k <= last; k++) {
            indices.add(k);
        }
        return indices;
    }
}

package org.vigie.qc.internal;

import org.vigie.api.DiagnosticFlag;
import org.vigie.api.service.DiagnosticReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;

/**
 * Per-observation quality control of one series of one quantity. Pure: reads the observations, never changes them,
 * returns the flags beside them in a {@link SeriesDiagnosis}.
 */
public final class SeriesDiagnostics {

    /** Scales a median absolute deviation to a standard deviation for normally distributed noise. */
    private static final double MAD_TO_SIGMA = 1.4826;
    /** A held value must hide a movement of at least this many resolution steps to be a flatline. */
    private static final double FLATLINE_MIN_MOVEMENT_IN_RESOLUTIONS = 5;

    private final QcSettings settings;

    public SeriesDiagnostics(QcSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Diagnoses {@code observations}, given in the order they were delivered (that order is what the
     * out-of-order and duplicate tests judge).
     *
     * @param quantity the quantity of the whole series (selects the range and spike thresholds)
     * @param now      reference time; anything stamped later is {@link DiagnosticFlag#FUTURE}
     */
    public SeriesDiagnosis diagnose(List<Observation> observations, Quantity quantity, Instant now) {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(now, "now");
        int n = observations.size();
        List<EnumSet<DiagnosticFlag>> flags = new ArrayList<>(n);
        String[][] reasons = new String[n][DiagnosticFlag.values().length];
        for (int i = 0; i < n; i++) {
            flags.add(EnumSet.noneOf(DiagnosticFlag.class));
        }
        Findings findings = new Findings(flags, reasons);

        List<Integer> valid = checkDeliveryOrder(observations, now, findings);
        checkRange(observations, quantity, findings);
        // The value tests work on time order: a late delivery is still a good measurement of its hour.
        valid.sort(Comparator.comparing(i -> observations.get(i).time()));
        int[] order = valid.stream().mapToInt(Integer::intValue).toArray();
        List<DiagnosticReport.Gap> gaps = checkGaps(observations, order, findings);
        Double minJump = settings.spikeMinJump().get(quantity);
        if (minJump != null) {
            checkSpikesAndJumps(observations, order, minJump, findings);
        }
        checkFlatlines(observations, order, quantity, findings);

        return new SeriesDiagnosis(observations, new ArrayList<>(flags), countFlags(flags),
                completenessPercent(observations, order), gaps, anomaliesInTimeOrder(observations, flags, reasons));
    }

    /** Flags future, duplicate and out-of-order deliveries; returns the indices usable by the value tests. */
    private List<Integer> checkDeliveryOrder(List<Observation> observations, Instant now, Findings findings) {
        List<Integer> valid = new ArrayList<>();
        Set<Instant> seen = new HashSet<>();
        Instant latest = null;
        for (int i = 0; i < observations.size(); i++) {
            Instant time = observations.get(i).time();
            if (time.isAfter(now)) {
                findings.flag(i, DiagnosticFlag.FUTURE, "time stamp " + time + " is after now " + now);
                continue;
            }
            if (!seen.add(time)) {
                findings.flag(i, DiagnosticFlag.DUPLICATE, "time stamp " + time + " already delivered");
                continue;
            }
            if (latest != null && time.isBefore(latest)) {
                findings.flag(i, DiagnosticFlag.OUT_OF_ORDER, "delivered after " + latest);
            } else {
                latest = time;
            }
            valid.add(i);
        }
        return valid;
    }

    private void checkRange(List<Observation> observations, Quantity quantity, Findings findings) {
        PhysicalRange range = settings.ranges().get(quantity);
        if (range == null) {
            return;
        }
        for (int i = 0; i < observations.size(); i++) {
            double value = observations.get(i).value();
            if (!range.contains(value)) {
                findings.flag(i, DiagnosticFlag.RANGE, String.format(Locale.ROOT, "%s outside [%s, %s] %s",
                        format(value), format(range.min()), format(range.max()), quantity.unit()));
            }
        }
    }

    private List<DiagnosticReport.Gap> checkGaps(List<Observation> observations, int[] order, Findings findings) {
        List<DiagnosticReport.Gap> gaps = new ArrayList<>();
        long stepMillis = settings.expectedStep().toMillis();
        for (int k = 1; k < order.length; k++) {
            Instant before = observations.get(order[k - 1]).time();
            Instant after = observations.get(order[k]).time();
            long spacing = Duration.between(before, after).toMillis();
            if (spacing > settings.gapTolerance() * stepMillis) {
                long missing = Math.max(1, Math.round((double) spacing / stepMillis) - 1);
                gaps.add(new DiagnosticReport.Gap(before, after, missing));
                findings.flag(order[k], DiagnosticFlag.GAP, missing + " missing step(s) since " + before);
            }
        }
        return gaps;
    }

    /**
     * Two robust tests on a rolling window of {@code spikeHalfWindow} neighbours on each side.
     * Spike: the value is far from the neighbours' median, relative to their MAD — a rising flood limb keeps its
     * neighbours' median close and is not flagged. Jump: the change from the previous value is far from the
     * neighbouring changes, relative to their MAD, and the level really moves (the median of the values after
     * differs from the median of those before by at least half the jump) — which separates a sensor offset or
     * step from the return after an isolated spike.
     */
    private void checkSpikesAndJumps(List<Observation> observations, int[] order, double minJump, Findings findings) {
        int n = order.length;
        int half = settings.spikeHalfWindow();
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = observations.get(order[k]).value();
        }
        double[] changes = new double[n];
        for (int k = 1; k < n; k++) {
            changes[k] = values[k] - values[k - 1];
        }
        for (int k = 0; k < n; k++) {
            int from = Math.max(0, k - half);
            int to = Math.min(n - 1, k + half);
            double[] neighbours = without(values, from, to, k);
            if (neighbours.length < half) {
                continue;
            }
            double median = median(neighbours);
            double scale = MAD_TO_SIGMA * mad(neighbours, median);
            double floor = Math.max(minJump, settings.spikeMinRelativeJump() * Math.abs(median));
            double deviation = values[k] - median;
            double threshold = Math.max(settings.spikeMadMultiplier() * scale, floor);
            if (Math.abs(deviation) > threshold) {
                findings.flag(order[k], DiagnosticFlag.SPIKE, String.format(Locale.ROOT,
                        "%s deviates %s from the rolling median %s (threshold %s)",
                        format(values[k]), format(deviation), format(median), format(threshold)));
                continue;
            }
            if (k > 0 && k < n - 1 && isIsolatedPoint(values, k, minJump, findings, order)) {
                continue;
            }
            if (k == 0 || k - half < 1 || k + half > n) {
                continue;
            }
            double[] neighbourChanges = without(changes, Math.max(1, k - half), Math.min(n - 1, k + half), k);
            double changeMedian = median(neighbourChanges);
            double changeScale = MAD_TO_SIGMA * mad(neighbourChanges, changeMedian);
            double jump = changes[k] - changeMedian;
            double jumpThreshold = Math.max(settings.spikeMadMultiplier() * changeScale,
                    Math.max(minJump, settings.spikeMinRelativeJump() * Math.abs(values[k - 1])));
            double levelShift = median(Arrays.copyOfRange(values, k, k + half))
                    - median(Arrays.copyOfRange(values, k - half, k));
            if (Math.abs(jump) > jumpThreshold && Math.signum(levelShift) == Math.signum(changes[k])
                    && Math.abs(levelShift) >= 0.5 * Math.abs(changes[k])) {
                findings.flag(order[k], DiagnosticFlag.SPIKE, String.format(Locale.ROOT,
                        "abrupt jump of %s from the previous value (threshold %s), level shifts by %s",
                        format(changes[k]), format(jumpThreshold), format(levelShift)));
            }
        }
    }

    /**
     * Third spike criterion, for rising and falling limbs where the trend inflates the rolling MAD: the value departs
     * from the straight line through its two neighbours (second difference) far more than the neighbouring points
     * do, and the two neighbours agree with each other, so it is an isolated point and not a step.
     */
    private boolean isIsolatedPoint(double[] values, int k, double minJump, Findings findings, int[] order) {
        int half = settings.spikeHalfWindow();
        int from = Math.max(1, k - half);
        int to = Math.min(values.length - 2, k + half);
        double[] neighbourCurvature = new double[to - from];
        int j = 0;
        for (int m = from; m <= to; m++) {
            if (m != k) {
                neighbourCurvature[j++] = values[m] - 0.5 * (values[m - 1] + values[m + 1]);
            }
        }
        if (j < half) {
            return false;
        }
        double[] curvatures = Arrays.copyOf(neighbourCurvature, j);
        double curvatureMedian = median(curvatures);
        double scale = MAD_TO_SIGMA * mad(curvatures, curvatureMedian);
        double line = 0.5 * (values[k - 1] + values[k + 1]);
        double departure = values[k] - line;
        double threshold = Math.max(settings.spikeMadMultiplier() * scale,
                Math.max(minJump, settings.spikeMinRelativeJump() * Math.abs(line)));
        boolean neighboursAgree = Math.abs(values[k + 1] - values[k - 1]) < Math.abs(departure);
        double excess = departure - curvatureMedian;
        if (Math.abs(excess) > threshold && neighboursAgree) {
            findings.flag(order[k], DiagnosticFlag.SPIKE, String.format(Locale.ROOT,
                    "%s departs %s from the line through its neighbours, %s beyond the local curvature (threshold %s)",
                    format(values[k]), format(departure), format(excess), format(threshold)));
            return true;
        }
        return false;
    }

    /**
     * Flags every value of a run of identical values long enough in count and in time, when the values within
     * {@code spikeHalfWindow} steps around the run depart from the held value, or from each other across the
     * run, by at least
     * {@link #FLATLINE_MIN_MOVEMENT_IN_RESOLUTIONS} resolution steps: a slow low flow recorded with
     * three decimals legitimately repeats a value for hours, a held sensor value does not match the flow that follows.
     * P zeros are legitimate dry spells; E (computed PET, often a daily value spread over its hours) is not checked.
     */
    private void checkFlatlines(List<Observation> observations, int[] order, Quantity quantity, Findings findings) {
        if (quantity == Quantity.E) {
            // PET is computed, not measured: a daily value spread over its hours is constant by construction
            return;
        }
        boolean zeroIsNormal = quantity == Quantity.P;
        double[] values = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            values[k] = observations.get(order[k]).value();
        }
        double resolution = resolution(values);
        int half = settings.spikeHalfWindow();
        int start = 0;
        for (int k = 1; k <= values.length; k++) {
            if (k < values.length && values[k] == values[start]) {
                continue;
            }
            int length = k - start;
            double value = values[start];
            Duration span = Duration.between(observations.get(order[start]).time(),
                    observations.get(order[k - 1]).time());
            int before = Math.max(0, start - half);
            int after = Math.min(values.length - 1, k - 1 + half);
            // a trend across the run, or an excursion (a held shower) that starts and ends at the same level
            double movement = Math.abs(values[after] - values[before]);
            for (int m = before; m <= after; m++) {
                movement = Math.max(movement, Math.abs(values[m] - value));
            }
            if (length >= settings.flatlineMinRunLength() && span.compareTo(settings.flatlineMinDuration()) >= 0
                    && !(zeroIsNormal && value == 0)
                    && movement >= FLATLINE_MIN_MOVEMENT_IN_RESOLUTIONS * resolution) {
                String reason = length + " identical values " + format(value) + " over " + span + " from "
                        + observations.get(order[start]).time() + " while the values around move by "
                        + format(movement);
                for (int r = start; r < k; r++) {
                    findings.flag(order[r], DiagnosticFlag.FLATLINE, reason);
                }
            }
            start = k;
        }
    }

    /** Smallest non-zero change between consecutive values: the recording resolution, as far as the data show it. */
    private static double resolution(double[] values) {
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 1; k < values.length; k++) {
            double change = Math.abs(values[k] - values[k - 1]);
            if (change > 0 && change < smallest) {
                smallest = change;
            }
        }
        return Double.isInfinite(smallest) ? 0 : smallest;
    }

    private double completenessPercent(List<Observation> observations, int[] order) {
        if (order.length == 0) {
            return 0;
        }
        Instant first = observations.get(order[0]).time();
        Instant last = observations.get(order[order.length - 1]).time();
        long expected = Duration.between(first, last).toMillis() / settings.expectedStep().toMillis() + 1;
        return Math.min(100.0, 100.0 * order.length / expected);
    }

    private static Map<DiagnosticFlag, Integer> countFlags(List<EnumSet<DiagnosticFlag>> flags) {
        Map<DiagnosticFlag, Integer> counts = new EnumMap<>(DiagnosticFlag.class);
        for (DiagnosticFlag flag : DiagnosticFlag.values()) {
            counts.put(flag, 0);
        }
        for (EnumSet<DiagnosticFlag> set : flags) {
            for (DiagnosticFlag flag : set) {
                counts.merge(flag, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<DiagnosticReport.Anomaly> anomaliesInTimeOrder(List<Observation> observations, List<EnumSet<DiagnosticFlag>> flags,
                                                      String[][] reasons) {
        List<DiagnosticReport.Anomaly> anomalies = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            Observation observation = observations.get(i);
            for (DiagnosticFlag flag : flags.get(i)) {
                anomalies.add(new DiagnosticReport.Anomaly(observation.time(), observation.value(),
                        observation.provenance().source(), flag, reasons[i][flag.ordinal()]));
            }
        }
        anomalies.sort(Comparator.comparing(DiagnosticReport.Anomaly::time));
        return anomalies;
    }

    private static double[] without(double[] values, int from, int to, int excluded) {
        double[] out = new double[to - from];
        int j = 0;
        for (int k = from; k <= to; k++) {
            if (k != excluded) {
                out[j++] = values[k];
            }
        }
        return j == out.length ? out : Arrays.copyOf(out, j);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : 0.5 * (sorted[m - 1] + sorted[m]);
    }

    static double mad(double[] values, double median) {
        double[] deviations = new double[values.length];
        for (int k = 0; k < values.length; k++) {
            deviations[k] = Math.abs(values[k] - median);
        }
        return median(deviations);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    /** Collects flags with the reason of each. */
    private record Findings(List<EnumSet<DiagnosticFlag>> flags, String[][] reasons) {
        void flag(int index, DiagnosticFlag flag, String reason) {
            flags.get(index).add(flag);
            reasons[index][flag.ordinal()] = reason;
        }
    }
}

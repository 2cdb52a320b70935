package org.vigie.qc.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vigie.api.DiagnosticFlag;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.DiagnosticReport;

/**
 * The diagnostics of one station's quantity over a period, all tests together: the per-series tests on each
 * source's series, then the cross-series ones when their partner series are given (level/discharge: the station's
 * other quantity of H and Q; neighbour: the configured neighbour's same quantity).
 */
public final class StationDiagnostics {

    private StationDiagnostics() {
    }

    /**
     * @param observations   the period's raw observations of every source, in time order
     * @param partner        for H the station's Q, for Q its H, else empty; empty skips the level/discharge test
     * @param neighbour      the neighbour's observations of the same quantity; empty skips the neighbour test
     * @param settings       the station's thresholds; a null expected step is inferred from the data
     * @param now            the time of the check
     */
    public static DiagnosedPeriod diagnose(String stationCode, Quantity quantity, Instant from, Instant to,
                                           List<Observation> observations, List<Observation> partner,
                                           List<Observation> neighbour, StationQcSettings settings, Instant now) {
        Duration step = settings.expectedStep().orElseGet(() -> medianStep(observations));
        SeriesDiagnostics perSeries = new SeriesDiagnostics(settings.seriesSettings(step));
        Map<String, List<Integer>> indicesBySource = new LinkedHashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            indicesBySource.computeIfAbsent(observations.get(i).provenance().source(), s -> new ArrayList<>()).add(i);
        }
        List<Set<DiagnosticFlag>> flags = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            flags.add(EnumSet.noneOf(DiagnosticFlag.class));
        }
        List<DiagnosticReport.Anomaly> anomalies = new ArrayList<>();
        List<DiagnosticReport.Gap> gaps = new ArrayList<>();
        for (List<Integer> indices : indicesBySource.values()) {
            // the store keeps one value per time and source: delivery order is the order of receipt
            List<Integer> delivered = new ArrayList<>(indices);
            delivered.sort(Comparator.comparing((Integer i) -> observations.get(i).receivedAt())
                    .thenComparing(i -> observations.get(i).time()));
            SeriesDiagnosis diagnosis = perSeries.diagnose(delivered.stream().map(observations::get).toList(),
                    quantity, now);
            for (int k = 0; k < delivered.size(); k++) {
                flags.get(delivered.get(k)).addAll(diagnosis.flagsAt(k));
            }
            anomalies.addAll(diagnosis.anomalies());
            gaps.addAll(diagnosis.gaps());
        }
        Map<Instant, List<Integer>> indicesAtTime = new HashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            indicesAtTime.computeIfAbsent(observations.get(i).time(), t -> new ArrayList<>()).add(i);
        }
        if (!partner.isEmpty() && (quantity == Quantity.H || quantity == Quantity.Q)) {
            List<Observation> levels = quantity == Quantity.H ? observations : partner;
            List<Observation> discharges = quantity == Quantity.H ? partner : observations;
            for (LevelDischargeCheck.Finding finding : settings.levelDischarge().check(levels, discharges)) {
                for (int i : indicesAtTime.getOrDefault(finding.time(), List.of())) {
                    flagAt(observations, flags, anomalies, i, DiagnosticFlag.LEVEL_DISCHARGE, finding.reason());
                }
            }
        }
        if (!neighbour.isEmpty() && settings.neighbour().isPresent()) {
            for (NeighbourCheck.Finding finding : settings.neighbour().get().check(observations, neighbour)) {
                for (int i : indicesAtTime.getOrDefault(finding.time(), List.of())) {
                    flagAt(observations, flags, anomalies, i, DiagnosticFlag.NEIGHBOUR, finding.reason());
                }
            }
        }
        anomalies.sort(Comparator.comparing(DiagnosticReport.Anomaly::time));
        Map<DiagnosticFlag, Double> percent = new EnumMap<>(DiagnosticFlag.class);
        for (DiagnosticFlag flag : DiagnosticFlag.values()) {
            long count = flags.stream().filter(set -> set.contains(flag)).count();
            percent.put(flag, observations.isEmpty() ? 0 : 100.0 * count / observations.size());
        }
        Optional<DiagnosticReport.Gap> longest = gaps.stream()
                .max(Comparator.comparing(g -> Duration.between(g.lastBefore(), g.firstAfter())));
        DiagnosticReport report = new DiagnosticReport(stationCode, quantity, from, to, step, observations.size(),
                completeness(observations, from, to, step), percent, longest, anomalies);
        return new DiagnosedPeriod(report, observations, flags);
    }

    private static void flagAt(List<Observation> observations, List<Set<DiagnosticFlag>> flags,
                               List<DiagnosticReport.Anomaly> anomalies, int i, DiagnosticFlag flag, String reason) {
        if (flags.get(i).add(flag)) {
            Observation o = observations.get(i);
            anomalies.add(new DiagnosticReport.Anomaly(o.time(), o.value(), o.provenance().source(), flag, reason));
        }
    }

    /** Distinct time stamps against the steps expected from the period's start to its end or to now. */
    private static double completeness(List<Observation> observations, Instant from, Instant to, Duration step) {
        long expected = Math.max(1, Duration.between(from, to).toMillis() / step.toMillis());
        long distinct = observations.stream().map(Observation::time).distinct().count();
        return Math.min(100.0, 100.0 * distinct / expected);
    }

    /** The median spacing of distinct time stamps; one hour when there are too few to tell. */
    public static Duration medianStep(List<Observation> observations) {
        long[] times = observations.stream().mapToLong(o -> o.time().toEpochMilli()).distinct().sorted().toArray();
        if (times.length < 3) {
            return Duration.ofHours(1);
        }
        long[] spacing = new long[times.length - 1];
        for (int k = 1; k < times.length; k++) {
            spacing[k - 1] = times[k] - times[k - 1];
        }
        Arrays.sort(spacing);
        return Duration.ofMillis(spacing[spacing.length / 2]);
    }
}

package org.vigie.qc.internal;

import org.vigie.api.DiagnosticFlag;
import org.vigie.api.service.DiagnosticReport;

import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigie.api.Observation;

/**
 * Result of diagnosing one series. The observations are the caller's, unchanged; flags sit beside them.
 *
 * @param observations       the diagnosed observations, in the order they were given
 * @param flags              flags of each observation, same index as {@code observations}
 * @param countsPerFlag      how many observations carry each flag (every flag present, zero when unused)
 * @param completenessPercent distinct valid time stamps against those expected at the nominal step between the first
 *                           and last valid time stamp, in percent
 * @param gaps               every gap, in time order
 * @param anomalies          every finding, in time order
 */
public record SeriesDiagnosis(List<Observation> observations, List<Set<DiagnosticFlag>> flags,
                              Map<DiagnosticFlag, Integer> countsPerFlag, double completenessPercent,
                              List<DiagnosticReport.Gap> gaps, List<DiagnosticReport.Anomaly> anomalies) {

    public SeriesDiagnosis {
        observations = List.copyOf(observations);
        flags = flags.stream().map(set -> set.isEmpty()
                ? Collections.<DiagnosticFlag>emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(set))).toList();
        countsPerFlag = Collections.unmodifiableMap(new EnumMap<>(countsPerFlag));
        gaps = List.copyOf(gaps);
        anomalies = List.copyOf(anomalies);
        if (flags.size() != observations.size()) {
            throw new IllegalArgumentException("one flag set per observation expected");
        }
    }

    /** @return the flags of the observation at {@code index} in the given order */
    public Set<DiagnosticFlag> flagsAt(int index) {
        return flags.get(index);
    }

    /** @return whether no diagnostic flagged the observation at {@code index} */
    public boolean isClean(int index) {
        return flags.get(index).isEmpty();
    }

    /** @return the longest gap, if any */
    public Optional<DiagnosticReport.Gap> longestGap() {
        return gaps.stream().max(Comparator.comparing(g -> Duration.between(g.lastBefore(), g.firstAfter())));
    }
}

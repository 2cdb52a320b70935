package org.vigie.api.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.vigie.api.DiagnosticFlag;
import org.vigie.api.Quantity;

/**
 * The data diagnostics of one station's quantity over a period: what a hydrologist reads to judge a sensor.
 *
 * @param stationCode         the station
 * @param quantity            the quantity
 * @param from                start of the period (inclusive)
 * @param to                  end of the period (exclusive)
 * @param expectedStep        the nominal time step the completeness and gaps are judged against
 * @param observationCount    observations in the period (all sources)
 * @param completenessPercent distinct time stamps against those expected at the nominal step over the period
 * @param flaggedPercent      share of the observations failing each test, in percent (every flag present)
 * @param longestGap          the longest stretch without observation, if there is a gap
 * @param anomalies           every finding, in time order
 */
public record DiagnosticReport(String stationCode, Quantity quantity, Instant from, Instant to, Duration expectedStep,
                               int observationCount, double completenessPercent,
                               Map<DiagnosticFlag, Double> flaggedPercent, Optional<Gap> longestGap,
                               List<Anomaly> anomalies) {

    public DiagnosticReport {
        Objects.requireNonNull(stationCode, "stationCode");
        Objects.requireNonNull(quantity, "quantity");
        flaggedPercent = Collections.unmodifiableMap(new EnumMap<>(flaggedPercent));
        anomalies = List.copyOf(anomalies);
    }

    /**
     * A stretch without observation.
     *
     * @param lastBefore   time of the last observation before it
     * @param firstAfter   time of the first observation after it
     * @param missingSteps nominal steps missing
     */
    public record Gap(Instant lastBefore, Instant firstAfter, long missingSteps) {
    }

    /**
     * One finding about one observation.
     *
     * @param time   the observation's time
     * @param value  its raw value
     * @param source its source
     * @param flag   the test it failed
     * @param reason why, readable by a person
     */
    public record Anomaly(Instant time, double value, String source, DiagnosticFlag flag, String reason) {
    }
}

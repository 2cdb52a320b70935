package org.vigie.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One observed value of one quantity at one station, in Vigie's units (see {@link Quantity}).
 *
 * @param stationCode the station
 * @param quantity    what was measured
 * @param time        when the value applies (UTC); for P and E, the start of the accumulation step
 * @param value       the value in the quantity's unit; finite
 * @param quality     the quality the source declared
 * @param provenance  who delivered it and from where
 * @param receivedAt  when Vigie received it
 */
public record Observation(String stationCode, Quantity quantity, Instant time, double value, Quality quality,
                          Provenance provenance, Instant receivedAt) {
    public Observation {
        Objects.requireNonNull(stationCode, "stationCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("observation value must be finite, got " + value
                    + " for " + stationCode + " " + quantity + " at " + time);
        }
        quality = quality == null ? Quality.UNKNOWN : quality;
    }
}

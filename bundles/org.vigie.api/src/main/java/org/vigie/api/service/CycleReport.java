package org.vigie.api.service;

import java.time.Instant;
import java.util.List;

/**
 * What one forecast cycle did.
 *
 * @param number    the cycle's sequence number since start
 * @param issueTime the issue time of its forecasts
 * @param started   when it started
 * @param finished  when it finished
 * @param produced  forecast point ids that got a forecast
 * @param failures  one line per forecast point that could not be forecast, saying why
 */
public record CycleReport(long number, Instant issueTime, Instant started, Instant finished, List<String> produced,
                          List<String> failures) {
    public CycleReport {
        produced = List.copyOf(produced);
        failures = List.copyOf(failures);
    }
}

package org.vigie.qc.internal.filling;

import org.vigie.api.service.DiagnosticReport;

import java.util.List;
import org.vigie.api.Observation;

/**
 * A model-input copy of a series on its regular step: observed values as delivered, short gaps filled with
 * {@link org.vigie.api.Quality#FILLED} observations, longer gaps left missing.
 *
 * @param observations  time-ordered, one per time stamp
 * @param filledCount   how many observations were created by interpolation
 * @param unfilledGaps  gaps longer than the filling limit, left as they were
 */
public record FilledSeries(List<Observation> observations, int filledCount, List<DiagnosticReport.Gap> unfilledGaps) {
    public FilledSeries {
        observations = List.copyOf(observations);
        unfilledGaps = List.copyOf(unfilledGaps);
    }
}

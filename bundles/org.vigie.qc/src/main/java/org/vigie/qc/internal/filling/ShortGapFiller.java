package org.vigie.qc.internal.filling;

import org.vigie.api.service.DiagnosticReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;

/**
 * Fills short gaps of a series by linear interpolation for model inputs. Builds a new list; the raw observations are
 * never changed. Long gaps stay missing because interpolating across hours of a flood would invent a hydrograph.
 */
public final class ShortGapFiller {

    private final Duration step;
    private final int maxMissingSteps;

    /**
     * @param step             the series' regular step
     * @param maxMissingSteps  longest run of missing steps that is filled
     */
    public ShortGapFiller(Duration step, int maxMissingSteps) {
        this.step = Objects.requireNonNull(step, "step");
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        if (maxMissingSteps < 0) {
            throw new IllegalArgumentException("maxMissingSteps must not be negative, got " + maxMissingSteps);
        }
        this.maxMissingSteps = maxMissingSteps;
    }

    /**
     * @param observations one series (one station and quantity), in any order; a repeated time stamp keeps the first
     *                     delivered value, like the diagnostics do
     */
    public FilledSeries fill(List<Observation> observations) {
        List<Observation> ordered = new ArrayList<>();
        Set<Instant> seen = new HashSet<>();
        for (Observation observation : observations) {
            if (seen.add(observation.time())) {
                ordered.add(observation);
            }
        }
        ordered.sort(Comparator.comparing(Observation::time));
        List<Observation> result = new ArrayList<>();
        List<DiagnosticReport.Gap> unfilled = new ArrayList<>();
        int filled = 0;
        long stepMillis = step.toMillis();
        for (int k = 0; k < ordered.size(); k++) {
            Observation current = ordered.get(k);
            if (k > 0) {
                Observation previous = ordered.get(k - 1);
                long spacing = Duration.between(previous.time(), current.time()).toMillis();
                long missing = spacing / stepMillis - (spacing % stepMillis == 0 ? 1 : 0);
                if (missing > maxMissingSteps) {
                    unfilled.add(new DiagnosticReport.Gap(previous.time(), current.time(), missing));
                } else {
                    for (long s = 1; s <= missing; s++) {
                        Instant time = previous.time().plusMillis(s * stepMillis);
                        double fraction = (double) (s * stepMillis) / spacing;
                        double value = previous.value() + fraction * (current.value() - previous.value());
                        result.add(new Observation(current.stationCode(), current.quantity(), time, value,
                                Quality.FILLED, new Provenance("qc.gap-filling", "linear interpolation",
                                "between " + previous.time() + " and " + current.time()), current.receivedAt()));
                        filled++;
                    }
                }
            }
            result.add(current);
        }
        return new FilledSeries(result, filled, unfilled);
    }
}

package org.vigie.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigie.api.DiagnosticFlag;
import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Observation;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.service.ObservationFlags;
import org.vigie.qc.internal.filling.ShortGapFiller;

/**
 * Turns stored raw observations into a model input: one value per time (the first source delivering it wins),
 * values diagnosed BAD or flagged as faulty (out of range, spike, flatline) left out, and gaps of up to
 * {@link #MAX_FILLED_STEPS} steps filled by linear interpolation — except rainfall, where a missing step is not
 * invented. The raw series in the store is never changed.
 */
final class ObservedSeries {

    /** Longest run of missing steps filled: three hours at an hourly step, short next to a flood's rise. */
    static final int MAX_FILLED_STEPS = 3;

    /**
     * Flags saying the value itself is wrong; the others (gap, late delivery…) describe its context, and a value
     * stamped after its check (FUTURE) is, in a model input, a scenario stored ahead of time (a rainfall forecast).
     */
    static final Set<DiagnosticFlag> FAULTS = EnumSet.of(DiagnosticFlag.RANGE, DiagnosticFlag.SPIKE,
            DiagnosticFlag.FLATLINE);

    private ObservedSeries() {
    }

    static IrregularTimeSeries of(List<Observation> observations, Quantity quantity) {
        return of(observations, List.of(), quantity, null);
    }

    /**
     * @param flags the recorded flags of the observations
     * @param step  the model's step, at which short gaps are filled; null: no filling
     */
    static IrregularTimeSeries of(List<Observation> observations, List<ObservationFlags> flags, Quantity quantity,
                                  Duration step) {
        Map<String, Set<DiagnosticFlag>> flagsOf = new HashMap<>();
        for (ObservationFlags f : flags) {
            flagsOf.put(f.time() + "|" + f.source(), f.flags());
        }
        List<Observation> usable = new ArrayList<>();
        for (Observation o : observations) {
            Set<DiagnosticFlag> found = flagsOf.getOrDefault(o.time() + "|" + o.provenance().source(), Set.of());
            if (o.quality() == Quality.BAD || found.stream().anyMatch(FAULTS::contains)) {
                continue;
            }
            if (!usable.isEmpty() && !o.time().isAfter(usable.get(usable.size() - 1).time())) {
                continue;
            }
            usable.add(o);
        }
        if (step != null && quantity != Quantity.P && !usable.isEmpty()) {
            usable = new ShortGapFiller(step, MAX_FILLED_STEPS).fill(usable).observations();
        }
        List<Instant> times = new ArrayList<>(usable.size());
        double[] values = new double[usable.size()];
        for (Observation o : usable) {
            values[times.size()] = o.value();
            times.add(o.time());
        }
        return new IrregularTimeSeries(quantity, times, Arrays.copyOf(values, times.size()));
    }
}

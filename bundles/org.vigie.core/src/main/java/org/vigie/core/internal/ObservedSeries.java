package org.vigie.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Observation;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

/**
 * Turns stored raw observations into a model input: one value per time (the first source delivering it wins),
 * values diagnosed BAD left out.
 */
final class ObservedSeries {

    private ObservedSeries() {
    }

    static IrregularTimeSeries of(List<Observation> observations, Quantity quantity) {
        List<Instant> times = new ArrayList<>();
        double[] values = new double[observations.size()];
        for (Observation o : observations) {
            if (o.quality() == Quality.BAD) {
                continue;
            }
            if (!times.isEmpty() && !o.time().isAfter(times.get(times.size() - 1))) {
                continue;
            }
            values[times.size()] = o.value();
            times.add(o.time());
        }
        return new IrregularTimeSeries(quantity, times, java.util.Arrays.copyOf(values, times.size()));
    }
}

package org.vigie.model.grp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Quantity;
import org.vigie.api.TimeSeries;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelState;

/**
 * Forecast-cycle requests cut from an airGR basin as the platform would pass them: P and E stamped at the start of
 * their step, the discharge of step j as a reading in m³/s stamped at its end, t(j + 1).
 */
final class BasinCycles {

    final Basin basin;
    final Duration step;

    BasinCycles(Basin basin) {
        this.basin = basin;
        this.step = Duration.between(basin.times()[0], basin.times()[1]);
    }

    Instant time(int index) {
        return basin.times()[0].plus(step.multipliedBy(index));
    }

    /** Options of a request. */
    record Cut(int history, int horizon, boolean futureRain, boolean futureEvaporation, Set<Integer> missing) {
        static Cut of(int history, int horizon) {
            return new Cut(history, horizon, false, false, Set.of());
        }

        Cut withFutureEvaporation() {
            return new Cut(history, horizon, futureRain, true, missing);
        }

        Cut withFutureRain() {
            return new Cut(history, horizon, true, futureEvaporation, missing);
        }

        /** Discharge readings of these steps not (yet) delivered. */
        Cut without(Set<Integer> steps) {
            return new Cut(history, horizon, futureRain, futureEvaporation, steps);
        }
    }

    /**
     * The request of a cycle issued at the start of step {@code issue} (plus {@code lateSeconds}): the past steps are
     * {@code issue − history … issue − 1}.
     */
    ModelRequest request(int issue, long lateSeconds, Cut cut, Map<String, Double> parameters, ModelState state) {
        int from = issue - cut.history();
        Map<String, TimeSeries> inputs = new HashMap<>();
        inputs.put("P", forcing(Quantity.P, basin.precipitation(), from, cut.futureRain() ? issue + cut.horizon()
                : issue));
        inputs.put("E", forcing(Quantity.E, basin.evaporation(), from, cut.futureEvaporation()
                ? issue + cut.horizon() : issue));
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int j = from; j < issue; j++) {
            if (!Double.isNaN(basin.dischargeMm()[j]) && !cut.missing().contains(j)) {
                times.add(time(j + 1));
                values.add(basin.cubicMetresPerSecond(j));
            }
        }
        inputs.put(ModelRequest.TARGET, new IrregularTimeSeries(Quantity.Q, times,
                values.stream().mapToDouble(Double::doubleValue).toArray()));
        return new ModelRequest(time(issue).plusSeconds(lateSeconds), step, cut.horizon(), parameters, state, inputs);
    }

    private IrregularTimeSeries forcing(Quantity quantity, double[] values, int from, int to) {
        List<Instant> times = new ArrayList<>();
        for (int j = from; j < to; j++) {
            times.add(time(j));
        }
        return new IrregularTimeSeries(quantity, times, java.util.Arrays.copyOfRange(values, from, to));
    }
}

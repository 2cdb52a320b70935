package org.vigie.model.grp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vigie.api.DiagnosticFlag;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Observation;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.SeriesStore;
import org.vigie.forecasting.internal.HindcastExperiment;

/**
 * A forecast point's stored history on the model's grid, for a hindcast: step i covers [t(i), t(i) + Δt); P and E
 * are the values stamped t(i) (mm per step), Q the reading stamped t(i) + Δt in m³/s turned into mm per step with
 * the catchment area (the same convention as the forecast cycle, see {@link StepGrid}).
 * <ul>
 * <li>Rainfall must be complete over the periods; PET gaps of up to {@value #MAX_FILLED_STEPS} steps are filled
 * linearly. Before the periods the series starts after the last gap (a shorter warm-up); after them it stops at the
 * first gap.</li>
 * <li>Discharge readings diagnosed BAD or flagged as faulty (range, spike, flatline, future) are left out; a missing
 * discharge is NaN (no reset, not scored).</li>
 * </ul>
 *
 * @param step          Δt
 * @param times         t(i), UTC
 * @param precipitation mm per step
 * @param evaporation   mm per step
 * @param observed      mm per step, NaN where missing
 */
record HindcastInputs(Duration step, Instant[] times, double[] precipitation, double[] evaporation, double[] observed) {

    /** Longest run of missing PET steps filled. */
    static final int MAX_FILLED_STEPS = 3;
    /** Flags saying a value itself is wrong, as the forecast cycle leaves them out. */
    private static final Set<DiagnosticFlag> FAULTS = EnumSet.of(DiagnosticFlag.RANGE, DiagnosticFlag.SPIKE,
            DiagnosticFlag.FLATLINE, DiagnosticFlag.FUTURE);

    int size() {
        return times.length;
    }

    /** @return the index of a grid time */
    int index(Instant time) {
        return StepGrid.steps(times[0], time, step);
    }

    HindcastExperiment.Series series() {
        return new HindcastExperiment.Series(times, precipitation, evaporation, observed);
    }

    /** @return how many discharges are observed in [from, to) */
    int observedBetween(int from, int to) {
        int n = 0;
        for (int i = Math.max(from, 0); i < Math.min(to, observed.length); i++) {
            if (!Double.isNaN(observed[i])) {
                n++;
            }
        }
        return n;
    }

    /**
     * Reads the history.
     *
     * @param start       first step wanted (the warm-up year before the periods)
     * @param needed      steps [needFrom, needTo) must have rainfall and PET
     * @param end         end of the steps wanted (exclusive), e.g. the present
     * @throws IllegalArgumentException naming the first step without rainfall or PET inside the periods
     */
    static HindcastInputs read(SeriesStore store, ForecastPoint point, double areaKm2, Duration step, Instant start,
                               Instant needFrom, Instant needTo, Instant end) {
        int steps = StepGrid.steps(start, end, step);
        int needFromIndex = StepGrid.steps(start, needFrom, step);
        int needToIndex = StepGrid.steps(start, needTo, step);
        ForecastPoint.SeriesRef rainRef = point.inputs().get(GrpRiverModel.PRECIPITATION);
        ForecastPoint.SeriesRef petRef = point.inputs().get(GrpRiverModel.EVAPOTRANSPIRATION);
        double[] p = values(store.read(rainRef.stationCode(), rainRef.quantity(), start, step(start, step, steps)),
                Set.of(), start, step, steps);
        double[] e = values(store.read(petRef.stationCode(), petRef.quantity(), start, step(start, step, steps)),
                Set.of(), start, step, steps);
        fillShortGaps(e);
        Instant qFrom = start.plus(step);
        Instant qTo = step(qFrom, step, steps);
        Set<String> faulty = new HashSet<>();
        for (ObservationFlags flags : store.readFlags(point.stationCode(), Quantity.Q, qFrom, qTo)) {
            if (flags.flags().stream().anyMatch(FAULTS::contains)) {
                faulty.add(flags.time() + "|" + flags.source());
            }
        }
        double[] q = values(store.read(point.stationCode(), Quantity.Q, qFrom, qTo), faulty, qFrom, step, steps);
        double toMillimetres = step.getSeconds() / (areaKm2 * 1e3);
        for (int i = 0; i < steps; i++) {
            q[i] = q[i] >= 0 && Double.isFinite(q[i]) ? q[i] * toMillimetres : Double.NaN;
        }

        // rainfall and PET: complete inside the periods; the series starts after the last gap before them and stops
        // at the first gap after them
        for (int i = needFromIndex; i < needToIndex; i++) {
            if (Double.isNaN(p[i]) || Double.isNaN(e[i])) {
                ForecastPoint.SeriesRef missing = Double.isNaN(p[i]) ? rainRef : petRef;
                throw new IllegalArgumentException(missing.quantity() + " of station " + missing.stationCode()
                        + " has no value for the step starting " + start.plus(step.multipliedBy(i)) + "; the"
                        + " calibration and verified periods need complete rainfall and PET (PET gaps of up to "
                        + MAX_FILLED_STEPS + " steps are filled)");
            }
        }
        int first = needFromIndex;
        while (first > 0 && !Double.isNaN(p[first - 1]) && !Double.isNaN(e[first - 1])) {
            first--;
        }
        int last = needToIndex;
        while (last < steps && !Double.isNaN(p[last]) && !Double.isNaN(e[last])) {
            last++;
        }
        Instant[] times = new Instant[last - first];
        for (int i = 0; i < times.length; i++) {
            times[i] = start.plus(step.multipliedBy(first + i));
        }
        return new HindcastInputs(step, times, Arrays.copyOfRange(p, first, last), Arrays.copyOfRange(e, first, last),
                Arrays.copyOfRange(q, first, last));
    }

    private static Instant step(Instant from, Duration step, int steps) {
        return from.plus(step.multipliedBy(steps));
    }

    /** The first usable value at each grid time, NaN elsewhere. */
    private static double[] values(List<Observation> observations, Set<String> faulty, Instant start, Duration step,
                                   int steps) {
        double[] values = new double[steps];
        Arrays.fill(values, Double.NaN);
        long stepNanos = step.toNanos();
        for (Observation o : observations) {
            long offset = Duration.between(start, o.time()).toNanos();
            if (offset < 0 || offset % stepNanos != 0 || offset / stepNanos >= steps) {
                continue;
            }
            int i = (int) (offset / stepNanos);
            if (Double.isNaN(values[i]) && o.quality() != Quality.BAD && Double.isFinite(o.value())
                    && !faulty.contains(o.time() + "|" + o.provenance().source())) {
                values[i] = o.value();
            }
        }
        return values;
    }

    /** Linear interpolation across runs of at most {@link #MAX_FILLED_STEPS} NaN between two values. */
    static void fillShortGaps(double[] values) {
        int i = 0;
        while (i < values.length) {
            if (!Double.isNaN(values[i])) {
                i++;
                continue;
            }
            int gapEnd = i;
            while (gapEnd < values.length && Double.isNaN(values[gapEnd])) {
                gapEnd++;
            }
            if (i > 0 && gapEnd < values.length && gapEnd - i <= MAX_FILLED_STEPS) {
                double before = values[i - 1];
                double after = values[gapEnd];
                int span = gapEnd - i + 1;
                for (int j = i; j < gapEnd; j++) {
                    values[j] = before + (after - before) * (j - i + 1) / span;
                }
            }
            i = gapEnd;
        }
    }
}

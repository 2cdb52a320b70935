package org.vigie.model.gr.internal.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one GR run: each kept output series under airGR's name, in airGR's order, and the state after
 * the last step. The series arrays are handed over to the holder of this result, not copied.
 */
public final class GrRun {

    private final Map<String, double[]> series;
    private final GrState end;
    private final int steps;

    GrRun(LinkedHashMap<String, double[]> series, GrState end, int steps) {
        this.series = Collections.unmodifiableMap(series);
        this.end = end;
        this.steps = steps;
    }

    /** @return the kept series by airGR name (PotEvap, Precip, Prod, …, Qsim), in airGR's column order */
    public Map<String, double[]> outputs() {
        return series;
    }

    /** @return the names of the kept series, in airGR's order */
    public List<String> names() {
        return List.copyOf(series.keySet());
    }

    /** @return one series, one value per run step */
    public double[] series(String name) {
        double[] values = series.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no output " + name + " kept; available: " + series.keySet());
        }
        return values;
    }

    /** @return simulated discharge at the outlet (mm per step) */
    public double[] qsim() {
        return series("Qsim");
    }

    /** @return the state after the last step, from which a later run resumes exactly */
    public GrState endState() {
        return end;
    }

    /** @return the number of steps run */
    public int steps() {
        return steps;
    }

    @Override
    public String toString() {
        return "GrRun" + series.keySet() + " of " + steps + " steps, end " + end;
    }
}

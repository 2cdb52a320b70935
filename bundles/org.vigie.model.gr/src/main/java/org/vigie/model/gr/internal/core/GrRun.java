package org.vigie.model.gr.internal.core;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of one GR run: each output series by airGR's name, and the state after the last step.
 */
public final class GrRun {

    private final List<String> names;
    private final double[][] series;
    private final GrState end;

    GrRun(String[] names, double[][] series, GrState end) {
        this.names = List.of(names);
        this.series = series;
        this.end = end;
    }

    /** @return the names of the series held, in airGR's order */
    public List<String> names() {
        return names;
    }

    /** @return one series (a copy) */
    public double[] series(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no output " + name + "; available: " + names);
        }
        return series[i].clone();
    }

    /** @return simulated discharge (mm per step), without copying: for calibration loops */
    double[] qsimView() {
        return series[names.indexOf("Qsim")];
    }

    /** @return simulated discharge (mm per step) */
    public double[] qsim() {
        return series("Qsim");
    }

    /** @return the state after the last step */
    public GrState endState() {
        return end;
    }

    @Override
    public String toString() {
        return "GrRun" + names + " of " + (series.length == 0 ? 0 : series[0].length) + " steps, end "
                + Arrays.toString(new double[] {end.production(), end.routing()});
    }
}

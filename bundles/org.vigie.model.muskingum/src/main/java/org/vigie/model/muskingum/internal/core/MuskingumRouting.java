package org.vigie.model.muskingum.internal.core;

import java.util.Arrays;

/**
 * Muskingum routing of an inflow series, a pure function. Inflows and outflows are in m³/s, one value per model
 * step, all at the step's time stamps (instantaneous values, not step means).
 */
public final class MuskingumRouting {

    private MuskingumRouting() {
    }

    /**
     * Routes {@code inflow} from index {@code from} (whose outflow is {@code outflowAtFrom}) to the end.
     *
     * @param inflow        inflow I at each step, m³/s; must be finite from {@code from} on
     * @param stepHours     model step Δt in hours
     * @param from          index the routing starts at
     * @param outflowAtFrom outflow O at {@code from}, m³/s
     * @return the outflow at each step: NaN before {@code from}, {@code outflowAtFrom} at {@code from}
     * @throws IllegalArgumentException naming the first index whose inflow is not finite
     */
    public static double[] route(MuskingumParameters parameters, double stepHours, double[] inflow, int from,
                                 double outflowAtFrom) {
        if (!(stepHours > 0)) {
            throw new IllegalArgumentException("step must be positive, got " + stepHours + " h");
        }
        if (!Double.isFinite(outflowAtFrom)) {
            throw new IllegalArgumentException("initial outflow is not a number: " + outflowAtFrom);
        }
        double[] outflow = new double[inflow.length];
        Arrays.fill(outflow, Double.NaN);
        if (from >= inflow.length) {
            return outflow;
        }
        SubStepping s = SubStepping.of(parameters, stepHours);
        int n = s.subSteps();
        double o = outflowAtFrom;
        outflow[from] = o;
        for (int t = from + 1; t < inflow.length; t++) {
            double i0 = inflow[t - 1];
            double i1 = inflow[t];
            if (!Double.isFinite(i0) || !Double.isFinite(i1)) {
                throw new IllegalArgumentException("inflow is missing at step " + (Double.isFinite(i0) ? t : t - 1));
            }
            if (n == 1) {
                o = s.c0() * i1 + s.c1() * i0 + s.c2() * o;
            } else {
                double slope = (i1 - i0) / n;
                for (int j = 0; j < n; j++) {
                    o = s.c0() * (i0 + slope * (j + 1)) + s.c1() * (i0 + slope * j) + s.c2() * o;
                }
            }
            if (o < 0) {
                o = 0;
            }
            outflow[t] = o;
        }
        return outflow;
    }

    /**
     * The inflow of the reach: I = (1 + f)·ΣQup + L.
     *
     * @param upstream        upstream discharges (m³/s), each one value per step, same length
     * @param lateralFraction f, the lateral inflow as a fraction of the upstream discharge
     * @param lateral         lateral inflow series L (m³/s), or {@code null}
     * @return the inflow; NaN wherever one of the terms is missing
     */
    public static double[] inflow(double[][] upstream, double lateralFraction, double[] lateral) {
        int length = upstream[0].length;
        double[] inflow = new double[length];
        for (int t = 0; t < length; t++) {
            double sum = 0;
            for (double[] u : upstream) {
                sum += u[t];
            }
            inflow[t] = (1 + lateralFraction) * sum + (lateral == null ? 0 : lateral[t]);
        }
        return inflow;
    }
}

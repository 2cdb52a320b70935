package org.vigie.model.gr.internal.core;

import java.util.Arrays;

/**
 * A parameter set for one GR model, with what the run derives from it once (unit-hydrograph ordinates, how far
 * the hydrographs reach). Immutable.
 */
public final class GrParameters {

    /** airGR passes a negative Imax to GR5H's core to switch the interception store off. */
    static final double NO_INTERCEPTION_STORE = -99;

    private final GrModel model;
    private final double[] values;
    private final double interceptionCapacity;
    final double[] ordinatesUh1;
    final double[] ordinatesUh2;
    /** how many UH slots the convolution shifts: airGR's MAX(1, MIN(NH-1, INT(X4+1))) and its UH2 analogue */
    final int uh1Reach;
    final int uh2Reach;

    GrParameters(GrModel model, double[] rawValues, double interceptionCapacity) {
        int expected = model.parameters().size();
        if (rawValues.length != expected) {
            throw new IllegalArgumentException(model + " takes " + expected + " parameters, got "
                    + rawValues.length + ": " + Arrays.toString(rawValues));
        }
        values = new double[expected];
        for (int i = 0; i < expected; i++) {
            if (!Double.isFinite(rawValues[i])) {
                throw new IllegalArgumentException(model + " parameter " + model.parameters().get(i).symbol()
                        + " must be finite, got " + rawValues[i]);
            }
            // airGR's RunModel_* raise X1, X3, X4 (and GR6J's X6) to a floor instead of failing
            values[i] = Math.max(rawValues[i], model.parameters().get(i).airGrMinimum());
        }
        this.model = model;
        this.interceptionCapacity = interceptionCapacity;
        double x4 = values[3];
        int nh = model.unitHydrographBase();
        double d = model.unitHydrographExponent();
        ordinatesUh1 = new double[model.uh1Length()];
        for (int i = 1; i <= ordinatesUh1.length; i++) {
            ordinatesUh1[i - 1] = sCurveUh1(i, x4, d) - sCurveUh1(i - 1, x4, d);
        }
        ordinatesUh2 = new double[model.uh2Length()];
        for (int i = 1; i <= ordinatesUh2.length; i++) {
            ordinatesUh2[i - 1] = sCurveUh2(i, x4, d) - sCurveUh2(i - 1, x4, d);
        }
        int reach = (int) (x4 + 1.0);
        uh1Reach = Math.max(1, Math.min(nh - 1, reach));
        uh2Reach = Math.max(1, Math.min(2 * nh - 1, 2 * reach));
    }

    /** Cumulative share of UH1 after i steps: (i/X4)^D up to X4. */
    static double sCurveUh1(int i, double x4, double d) {
        if (i <= 0) {
            return 0;
        }
        return i < x4 ? Math.pow(i / x4, d) : 1;
    }

    /** Cumulative share of UH2 after i steps: symmetric S-curve over 2·X4. */
    static double sCurveUh2(int i, double x4, double d) {
        if (i <= 0) {
            return 0;
        }
        if (i <= x4) {
            return 0.5 * Math.pow(i / x4, d);
        }
        return i < 2 * x4 ? 1 - 0.5 * Math.pow(2 - i / x4, d) : 1;
    }

    public GrModel model() {
        return model;
    }

    /** @param index 1 for X1 … 6 for X6, as in airGR */
    public double x(int index) {
        return values[index - 1];
    }

    /** @return X1… as used by the run (after airGR's floors) */
    public double[] values() {
        return values.clone();
    }

    /**
     * GR5H only: adds airGR's interception store of fixed capacity Imax (mm), {@code CreateRunOptions(Imax = …)}.
     */
    public GrParameters withInterceptionStore(double imax) {
        if (model != GrModel.GR5H) {
            throw new IllegalArgumentException("only GR5H has an interception store, not " + model);
        }
        if (!(imax >= 0) || Double.isInfinite(imax)) {
            throw new IllegalArgumentException("Imax must be a finite non-negative capacity in mm, got " + imax);
        }
        return new GrParameters(model, values, imax);
    }

    public boolean hasInterceptionStore() {
        return interceptionCapacity >= 0;
    }

    /** @return Imax (mm), or NaN without an interception store */
    public double interceptionCapacity() {
        return hasInterceptionStore() ? interceptionCapacity : Double.NaN;
    }

    double rawInterceptionCapacity() {
        return interceptionCapacity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GrParameters that && model == that.model && Arrays.equals(values, that.values)
                && Double.compare(interceptionCapacity, that.interceptionCapacity) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * model.hashCode() + Arrays.hashCode(values)) + Double.hashCode(interceptionCapacity);
    }

    @Override
    public String toString() {
        return model + Arrays.toString(values) + (hasInterceptionStore() ? " Imax=" + interceptionCapacity : "");
    }
}

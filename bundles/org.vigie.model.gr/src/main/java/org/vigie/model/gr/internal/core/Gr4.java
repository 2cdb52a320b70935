package org.vigie.model.gr.internal.core;

import java.util.Arrays;

/**
 * GR4J or GR4H with one parameter set: the compact entry point the command line and the calibration use. It is
 * {@link GrModel} and {@link GrParameters} bound together; immutable and thread-safe.
 */
public final class Gr4 {

    /** The two time steps of the four-parameter model. */
    public enum Variant {
        /** daily, X4 in days */
        GR4J(GrModel.GR4J),
        /** hourly, X4 in hours */
        GR4H(GrModel.GR4H);

        private final GrModel model;

        Variant(GrModel model) {
            this.model = model;
        }

        public GrModel model() {
            return model;
        }
    }

    private final Variant variant;
    private final GrParameters parameters;

    /**
     * @param x1 production store capacity (mm)
     * @param x2 groundwater exchange coefficient (mm per step)
     * @param x3 routing store capacity (mm)
     * @param x4 unit hydrograph time base (steps: days for GR4J, hours for GR4H)
     */
    public Gr4(Variant variant, double x1, double x2, double x3, double x4) {
        this.variant = variant;
        this.parameters = variant.model().parameters(x1, x2, x3, x4);
    }

    public Variant variant() {
        return variant;
    }

    /** @return X1..X4 as used (after airGR's floors) */
    public double[] parameters() {
        return parameters.values();
    }

    public GrParameters grParameters() {
        return parameters;
    }

    /** @return airGR's default initial state */
    public GrState initialState() {
        return variant.model().defaultInitialState(parameters);
    }

    /**
     * Runs over {@code [from, to)} of the inputs.
     *
     * @param keepOutputs every flux and state when true, only {@code Qsim} otherwise
     */
    public GrRun run(GrState start, double[] precipitation, double[] evaporation, int from, int to,
                     boolean keepOutputs) {
        return variant.model().run(parameters, start, precipitation, evaporation, from, to,
                keepOutputs ? GrOutputs.ALL : GrOutputs.QSIM_ONLY);
    }

    @Override
    public String toString() {
        return variant + Arrays.toString(parameters());
    }
}

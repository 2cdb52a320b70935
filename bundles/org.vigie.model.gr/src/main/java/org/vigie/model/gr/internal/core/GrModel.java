package org.vigie.model.gr.internal.core;

import java.time.Duration;
import java.util.List;

/**
 * The GR rainfall-runoff models of INRAE as airGR 1.7 runs them (Fortran cores {@code frun_GR*.f90}), step for step
 * and operation for operation, so that every flux agrees with airGR to the last printed digit.
 *
 * <p>Shared structure: a production store X1 fed by net rainfall and emptied by evaporation and percolation; the
 * effective rainfall PR is routed through unit hydrographs of time base X4 to a non-linear routing store X3 and to
 * a direct branch, both subject to a groundwater exchange term governed by X2 (and X5). Variants:
 * <ul>
 * <li>GR4J / GR4H: 90 % of PR through UH1 to the routing store, 10 % through UH2 to the direct branch; exchange
 * X2·(R/X3)^3.5.</li>
 * <li>GR5J / GR5H: a single UH2 for all of PR, split 90/10 at its outlet; exchange X2·(R/X3 − X5). GR5H may add
 * an interception store of fixed capacity Imax in front of the production store.</li>
 * <li>GR6J: as GR4J's two hydrographs, but 40 % of the UH1 outflow feeds an exponential store of coefficient X6;
 * exchange X2·(R/X3 − X5) applied to the routing store, the direct branch and the exponential store.</li>
 * </ul>
 * Hourly versions use 480-step hydrographs with exponent 1.25 and a percolation constant of 21/4; daily ones
 * 20-step hydrographs with exponent 2.5 and 9/4.
 */
public enum GrModel {

    GR4J(Duration.ofDays(1), Kernel.GR4, true, Catalogue.PARAMETERS_GR4J, Catalogue.OUTPUTS_GR4),
    GR4H(Duration.ofHours(1), Kernel.GR4, true, Catalogue.PARAMETERS_GR4H, Catalogue.OUTPUTS_GR4),
    GR5J(Duration.ofDays(1), Kernel.GR5, false, Catalogue.PARAMETERS_GR5J, Catalogue.OUTPUTS_GR4),
    GR5H(Duration.ofHours(1), Kernel.GR5, false, Catalogue.PARAMETERS_GR5H, Catalogue.OUTPUTS_GR5H),
    GR6J(Duration.ofDays(1), Kernel.GR6, true, Catalogue.PARAMETERS_GR6J, Catalogue.OUTPUTS_GR6J);

    /** The step loops; variants that share equations share a loop. */
    enum Kernel {
        GR4, GR5, GR6
    }

    /** Parameter and output catalogues, in a holder because enum constants cannot see the enum's statics. */
    private static final class Catalogue {
        static final String[] OUTPUTS_GR4 = {"PotEvap", "Precip", "Prod", "Pn", "Ps", "AE", "Perc", "PR", "Q9",
            "Q1", "Rout", "Exch", "AExch1", "AExch2", "AExch", "QR", "QD", "Qsim"};
        static final String[] OUTPUTS_GR5H = {"PotEvap", "Precip", "Interc", "Prod", "Pn", "Ps", "AE", "EI",
            "ES", "Perc", "PR", "Q9", "Q1", "Rout", "Exch", "AExch1", "AExch2", "AExch", "QR", "QD", "Qsim"};
        static final String[] OUTPUTS_GR6J = {"PotEvap", "Precip", "Prod", "Pn", "Ps", "AE", "Perc", "PR", "Q9",
            "Q1", "Rout", "Exch", "AExch1", "AExch2", "AExch", "QR", "QRExp", "Exp", "QD", "Qsim"};

        static final double NO_MINIMUM = Double.NEGATIVE_INFINITY;
        static final GrParameter X1 = new GrParameter("X1", "production store capacity", "mm", 100, 1200, 1e-2);
        static final GrParameter X3 = new GrParameter("X3", "routing store capacity", "mm", 20, 300, 1e-2);
        static final GrParameter X2_DAILY = new GrParameter("X2", "groundwater exchange coefficient", "mm/d",
            -5, 3, NO_MINIMUM);
        static final GrParameter X2_HOURLY = new GrParameter("X2", "groundwater exchange coefficient", "mm/h",
            -2, 1, NO_MINIMUM);
        static final GrParameter X4_DAILY = new GrParameter("X4", "unit hydrograph time base", "d", 1.1, 2.9,
            0.5);
        static final GrParameter X4_HOURLY = new GrParameter("X4", "unit hydrograph time base", "h", 0.5, 72,
            0.5);
        static final GrParameter X5 = new GrParameter("X5",
            "exchange threshold, as a fraction of the routing store capacity", "-", 0, 1, NO_MINIMUM);
        static final GrParameter X6 = new GrParameter("X6", "exponential store depletion coefficient", "mm",
            0.5, 20, 1e-2);
        static final List<GrParameter> PARAMETERS_GR4J = List.of(X1, X2_DAILY, X3, X4_DAILY);
        static final List<GrParameter> PARAMETERS_GR4H = List.of(X1, X2_HOURLY, X3, X4_HOURLY);
        static final List<GrParameter> PARAMETERS_GR5J = List.of(X1, X2_DAILY, X3, X4_DAILY, X5);
        static final List<GrParameter> PARAMETERS_GR5H = List.of(X1, X2_HOURLY, X3, X4_HOURLY, X5);
        static final List<GrParameter> PARAMETERS_GR6J = List.of(X1, X2_DAILY, X3, X4_DAILY, X5, X6);
    }

    private final Duration timeStep;
    private final Kernel kernel;
    private final boolean hasUh1;
    private final List<GrParameter> parameters;
    private final List<String> outputNames;

    GrModel(Duration timeStep, Kernel kernel, boolean hasUh1, List<GrParameter> parameters, String[] outputNames) {
        this.timeStep = timeStep;
        this.kernel = kernel;
        this.hasUh1 = hasUh1;
        this.parameters = parameters;
        this.outputNames = List.of(outputNames);
    }

    public Duration timeStep() {
        return timeStep;
    }

    public boolean isHourly() {
        return timeStep.equals(Duration.ofHours(1));
    }

    /** @return the parameters X1… in airGR's order */
    public List<GrParameter> parameters() {
        return parameters;
    }

    /** @return the names of the series a run with {@link GrOutputs#ALL} yields, in airGR's order */
    public List<String> outputNames() {
        return outputNames;
    }

    /** @return the number of slots of unit hydrograph 1, 0 for the models without one (GR5J, GR5H) */
    public int uh1Length() {
        return hasUh1 ? unitHydrographBase() : 0;
    }

    /** @return the number of slots of unit hydrograph 2 */
    public int uh2Length() {
        return 2 * unitHydrographBase();
    }

    /** airGR's NH: the longest UH1 it represents, 20 days or 20×24 hours (UH2 gets twice as many). */
    int unitHydrographBase() {
        return isHourly() ? 20 * 24 : 20;
    }

    /** Exponent of the S-curves of the unit hydrographs (airGR's D). */
    double unitHydrographExponent() {
        return isHourly() ? 1.25 : 2.5;
    }

    /** (9/4)^4 daily and (21/4)^4 hourly: the percolation law's constant, exact in binary. */
    double percolationConstant() {
        return isHourly() ? 759.69140625 : 25.62890625;
    }

    Kernel kernel() {
        return kernel;
    }

    /**
     * @param values X1… in airGR's order and units; values below airGR's minimum are raised to it as airGR does
     */
    public GrParameters parameters(double... values) {
        return new GrParameters(this, values, GrParameters.NO_INTERCEPTION_STORE);
    }

    /**
     * airGR's default initial state ({@code CreateRunOptions} without {@code IniStates}): production store at
     * 0.3·X1, routing store at 0.5·X3, GR6J's exponential store and GR5H's interception store at 0, unit
     * hydrographs empty.
     */
    public GrState defaultInitialState(GrParameters parameters) {
        requireOwn(parameters);
        return new GrState(0.3 * parameters.x(1), 0.5 * parameters.x(3), 0, 0, new double[uh1Length()],
                new double[uh2Length()]);
    }

    /** Runs over {@code [from, to)} of the inputs keeping every output series. */
    public GrRun run(GrParameters parameters, GrState start, double[] precipitation, double[] evaporation, int from,
                     int to) {
        return run(parameters, start, precipitation, evaporation, from, to, GrOutputs.ALL);
    }

    /**
     * Runs the model over the steps {@code [from, to)} of the input arrays.
     *
     * @param precipitation total precipitation per step (mm), value at index i = total over the step starting there
     * @param evaporation   potential evapotranspiration per step (mm)
     * @throws IllegalArgumentException on a missing (NaN) input inside the range, which would otherwise spread
     *                                  through every later state
     */
    public GrRun run(GrParameters parameters, GrState start, double[] precipitation, double[] evaporation, int from,
                     int to, GrOutputs outputs) {
        requireOwn(parameters);
        start.requireShape(this);
        if (from < 0 || from > to || to > precipitation.length || to > evaporation.length) {
            throw new IllegalArgumentException("run range [" + from + ", " + to + ") outside the inputs ("
                    + precipitation.length + " P, " + evaporation.length + " E)");
        }
        return GrKernels.run(parameters, start, precipitation, evaporation, from, to, outputs);
    }

    /**
     * Warms the model up over {@code [warmUpFrom, warmUpTo)} then runs over {@code [runFrom, runTo)}, carrying
     * the state over, as airGR does with {@code IndPeriod_WarmUp} and {@code IndPeriod_Run} (the two periods need
     * not be adjacent; an empty warm-up is allowed). Outputs cover the run period only.
     */
    public GrRun runAfterWarmUp(GrParameters parameters, GrState start, double[] precipitation,
                                double[] evaporation, int warmUpFrom, int warmUpTo, int runFrom, int runTo,
                                GrOutputs outputs) {
        GrState warm = run(parameters, start, precipitation, evaporation, warmUpFrom, warmUpTo,
                GrOutputs.STATE_ONLY).endState();
        return run(parameters, warm, precipitation, evaporation, runFrom, runTo, outputs);
    }

    private void requireOwn(GrParameters parameters) {
        if (parameters.model() != this) {
            throw new IllegalArgumentException(parameters.model() + " parameters given to " + this);
        }
    }
}

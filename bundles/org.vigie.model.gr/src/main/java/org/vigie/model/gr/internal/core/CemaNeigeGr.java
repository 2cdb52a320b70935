package org.vigie.model.gr.internal.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.vigie.hydrology.internal.snow.CemaNeige;
import org.vigie.hydrology.internal.snow.CemaNeigeLayerState;
import org.vigie.hydrology.internal.snow.CemaNeigeParameters;
import org.vigie.hydrology.internal.snow.CemaNeigeRun;
import org.vigie.hydrology.internal.snow.ElevationLayerInputs;

/**
 * A daily GR model (GR4J, GR5J or GR6J) behind the CemaNeige snow module, as airGR's
 * {@code RunModel_CemaNeigeGR4J/5J/6J} couple them:
 * <ol>
 * <li>CemaNeige runs on each elevation layer (precipitation, temperature and solid fraction per layer, e.g. from
 * {@code ValeryAltitudeExtrapolation});</li>
 * <li>the catchment liquid water is each layer's {@code PliqAndMelt} divided by the layer count, summed in layer
 * order;</li>
 * <li>the GR model runs on that liquid water, in place of the precipitation, and the potential evapotranspiration.</li>
 * </ol>
 * The state is the GR state plus one snow state per layer. A run resumed from an end state gives the same numbers,
 * bit for bit, as one uninterrupted run.
 *
 * <p>CemaNeige's melt threshold depends on the mean annual solid precipitation of each layer
 * ({@code MeanAnSolidPrecip}). It is an argument of every run so that resumed runs use the same value; airGR's
 * default is {@link CemaNeige#meanAnnualSolidPrecipitation} over all the inputs with
 * {@link CemaNeige#DAILY_STEPS_PER_YEAR}.
 */
public final class CemaNeigeGr {

    private static final Set<GrModel> SUPPORTED = Collections.unmodifiableSet(
            EnumSet.of(GrModel.GR4J, GrModel.GR5J, GrModel.GR6J));

    private final GrParameters gr;
    private final CemaNeigeParameters snow;

    private CemaNeigeGr(GrParameters gr, CemaNeigeParameters snow) {
        this.gr = Objects.requireNonNull(gr, "gr");
        this.snow = Objects.requireNonNull(snow, "snow");
        if (!SUPPORTED.contains(gr.model())) {
            throw new IllegalArgumentException("CemaNeige is coupled with " + SUPPORTED + ", not " + gr.model());
        }
    }

    /**
     * @param gr   the parameters of GR4J, GR5J or GR6J
     * @param snow CTG and Kf, and with hysteresis Gacc and Prct
     */
    public static CemaNeigeGr of(GrParameters gr, CemaNeigeParameters snow) {
        return new CemaNeigeGr(gr, snow);
    }

    /**
     * airGR's parameter vector of {@code RunModel_CemaNeigeGR*}: X1… of the GR model, then CTG and Kf, then with
     * hysteresis Gacc and Prct.
     */
    public static CemaNeigeGr fromAirGrVector(GrModel model, double... values) {
        int grCount = model.parameters().size();
        CemaNeigeParameters snow;
        if (values.length == grCount + 2) {
            snow = CemaNeigeParameters.withoutHysteresis(values[grCount], values[grCount + 1]);
        } else if (values.length == grCount + 4) {
            snow = CemaNeigeParameters.withHysteresis(values[grCount], values[grCount + 1], values[grCount + 2],
                    values[grCount + 3]);
        } else {
            throw new IllegalArgumentException("CemaNeige" + model + " takes " + (grCount + 2) + " parameters ("
                    + (grCount + 4) + " with hysteresis), got " + values.length);
        }
        return new CemaNeigeGr(model.parameters(Arrays.copyOf(values, grCount)), snow);
    }

    /** @return the parameters in airGR's order: X1…, CTG, Kf[, Gacc, Prct] */
    public double[] toAirGrVector() {
        double[] x = gr.values();
        int n = x.length;
        double[] vector = Arrays.copyOf(x, n + (snow.hysteresis() ? 4 : 2));
        vector[n] = snow.thermalStateWeight();
        vector[n + 1] = snow.degreeDayFactor();
        if (snow.hysteresis()) {
            vector[n + 2] = snow.accumulationThreshold();
            vector[n + 3] = snow.meltThresholdFraction();
        }
        return vector;
    }

    public GrModel model() {
        return gr.model();
    }

    public GrParameters grParameters() {
        return gr;
    }

    public CemaNeigeParameters snowParameters() {
        return snow;
    }

    /** airGR's default initial state: the GR model's, and no snow with a thermal state of 0 °C on every layer. */
    public CemaNeigeGrState defaultInitialState(int layerCount) {
        if (layerCount < 1) {
            throw new IllegalArgumentException("at least one elevation layer is required, got " + layerCount);
        }
        return new CemaNeigeGrState(gr.model().defaultInitialState(gr),
                Collections.nCopies(layerCount, CemaNeigeLayerState.INITIAL));
    }

    /** Runs over {@code [from, to)} keeping every GR series. */
    public CemaNeigeGrRun run(CemaNeigeGrState start, ElevationLayerInputs layers, double[] evaporation,
                              double[] meanAnnualSolidPrecip, int from, int to) {
        return run(start, layers, evaporation, meanAnnualSolidPrecip, from, to, GrOutputs.ALL);
    }

    /**
     * Runs snow module and GR model over the steps {@code [from, to)} of the inputs.
     *
     * @param start                 state before step {@code from}, one snow state per layer of {@code layers}
     * @param layers                precipitation, temperature and solid fraction per elevation layer
     * @param evaporation           catchment potential evapotranspiration [mm per step], indexed like the layers
     * @param meanAnnualSolidPrecip per layer [mm/year]; keep the same values across resumed runs
     * @param outputs               which GR series to keep; the snow series are always kept
     * @throws IllegalArgumentException on mismatched layers or lengths, or a missing (NaN) GR input in the range
     */
    public CemaNeigeGrRun run(CemaNeigeGrState start, ElevationLayerInputs layers, double[] evaporation,
                              double[] meanAnnualSolidPrecip, int from, int to, GrOutputs outputs) {
        Objects.requireNonNull(start, "start");
        if (start.layerCount() != layers.layerCount()) {
            throw new IllegalArgumentException("the state has " + start.layerCount() + " layers, the inputs "
                    + layers.layerCount());
        }
        if (from < 0 || from > to || to > layers.stepCount() || to > evaporation.length) {
            throw new IllegalArgumentException("run range [" + from + ", " + to + ") outside the inputs ("
                    + layers.stepCount() + " layer steps, " + evaporation.length + " E)");
        }
        CemaNeigeRun snowRun = CemaNeige.run(layers, from, to, meanAnnualSolidPrecip, snow, start.layers());
        double[] liquidWater = snowRun.liquidWaterForRunoffModel();
        double[] runEvaporation = Arrays.copyOfRange(evaporation, from, to);
        GrRun grRun = gr.model().run(gr, start.gr(), liquidWater, runEvaporation, 0, to - from, outputs);
        CemaNeigeGrState end = new CemaNeigeGrState(grRun.endState(), snowRun.endStates());
        return new CemaNeigeGrRun(grRun, snowRun, liquidWater, end);
    }

    /**
     * Warms up over {@code [warmUpFrom, warmUpTo)} then runs over {@code [runFrom, runTo)}, carrying the state over
     * as airGR does with {@code IndPeriod_WarmUp} and {@code IndPeriod_Run}. Outputs cover the run period only.
     */
    public CemaNeigeGrRun runAfterWarmUp(CemaNeigeGrState start, ElevationLayerInputs layers, double[] evaporation,
                                         double[] meanAnnualSolidPrecip, int warmUpFrom, int warmUpTo, int runFrom,
                                         int runTo, GrOutputs outputs) {
        CemaNeigeGrState warm = run(start, layers, evaporation, meanAnnualSolidPrecip, warmUpFrom, warmUpTo,
                GrOutputs.STATE_ONLY).endState();
        return run(warm, layers, evaporation, meanAnnualSolidPrecip, runFrom, runTo, outputs);
    }

    @Override
    public String toString() {
        return "CemaNeige" + gr + " " + snow;
    }
}

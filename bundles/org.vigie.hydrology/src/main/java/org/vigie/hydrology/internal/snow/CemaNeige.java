package org.vigie.hydrology.internal.snow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.vigie.hydrology.internal.numeric.RArithmetic;

/**
 * The CemaNeige snow accumulation and melt module (Valéry et al., 2014, J. Hydrol. 517; hysteresis of Riboust et
 * al., 2019, J. Hydrol. Hydromech. 67), step for step as airGR's {@code frun_CEMANEIGE} (airGR 1.7.6, including the
 * {@code dG = 0} fix #178).
 *
 * <p>Per layer and time step: precipitation splits into solid and liquid parts; the snow pack G receives the solid
 * part; the thermal state follows {@code eTG = CTG·eTG + (1 − CTG)·T}, capped at 0 °C; when eTG is 0 and T exceeds
 * 0 °C the potential melt is {@code Kf·T}, limited to G; actual melt is
 * {@code ((1 − 0.1)·Gratio + 0.1)·PotMelt}, where Gratio is the snow-covered fraction. Without hysteresis
 * {@code Gratio = min(G / Gthreshold, 1)} with {@code Gthreshold = 0.9 × mean annual solid precipitation}; with
 * hysteresis Gratio rises linearly with accumulation (Gacc) and falls with melt relative to a local maximum.
 *
 * <p>airGR's Fortran writes the constants 0.9 and 0.1 as single-precision literals; they are used here as
 * {@code (double) 0.9f} and {@code (double) 0.1f} so that results are bit-identical.
 */
public final class CemaNeige {

    /** Time steps per year for {@link #meanAnnualSolidPrecipitation} with daily inputs. */
    public static final double DAILY_STEPS_PER_YEAR = 365.25;
    /** Time steps per year for {@link #meanAnnualSolidPrecipitation} with hourly inputs. */
    public static final double HOURLY_STEPS_PER_YEAR = 365.25 * 24;

    private static final double MELT_TEMPERATURE = 0.0;
    private static final double MINIMUM_MELT_SPEED = (double) 0.1f;
    private static final double THRESHOLD_SHARE_OF_ANNUAL_SNOWFALL = (double) 0.9f;

    private CemaNeige() {
    }

    /**
     * Runs every layer over the steps {@code [fromStep, toStep)} of the inputs (warm-up and run period together, as
     * airGR's {@code IndPeriod1}). Outputs cover every step of the range; airGR reports only the run period, so drop
     * the warm-up steps when comparing.
     *
     * @param inputs                 layer inputs from {@link ValeryAltitudeExtrapolation}
     * @param fromStep               first step (inclusive)
     * @param toStep                 last step (exclusive)
     * @param meanAnnualSolidPrecip  per layer [mm/year] ({@code MeanAnSolidPrecip}), e.g. from
     *                               {@link #meanAnnualSolidPrecipitation}
     * @param parameters             CTG, Kf (and the hysteresis parameters)
     * @param startStates            one state per layer, e.g. {@link CemaNeigeLayerState#INITIAL} or the end states of
     *                               a previous run
     */
    public static CemaNeigeRun run(ElevationLayerInputs inputs, int fromStep, int toStep,
                                   double[] meanAnnualSolidPrecip, CemaNeigeParameters parameters,
                                   List<CemaNeigeLayerState> startStates) {
        int layers = inputs.layerCount();
        if (meanAnnualSolidPrecip.length != layers || startStates.size() != layers) {
            throw new IllegalArgumentException("one mean annual solid precipitation and one start state per layer ("
                    + layers + ") are required");
        }
        if (fromStep < 0 || toStep > inputs.stepCount() || fromStep > toStep) {
            throw new IllegalArgumentException("invalid step range [" + fromStep + ", " + toStep + ") for "
                    + inputs.stepCount() + " steps");
        }
        List<CemaNeigeLayerRun> runs = new ArrayList<>(layers);
        for (int layer = 0; layer < layers; layer++) {
            runs.add(runLayer(inputs, layer, fromStep, toStep, meanAnnualSolidPrecip[layer], parameters,
                    startStates.get(layer)));
        }
        return new CemaNeigeRun(runs);
    }

    /** Runs every layer over all steps from airGR's default initial state. */
    public static CemaNeigeRun run(ElevationLayerInputs inputs, double[] meanAnnualSolidPrecip,
                                   CemaNeigeParameters parameters) {
        return run(inputs, 0, inputs.stepCount(), meanAnnualSolidPrecip, parameters,
                Collections.nCopies(inputs.layerCount(), CemaNeigeLayerState.INITIAL));
    }

    /**
     * Runs one layer on explicit series.
     *
     * @param precipitation         total precipitation [mm per time step]
     * @param solidFraction         fraction falling as snow [0-1]
     * @param temperature           mean air temperature [°C]
     * @param meanAnnualSolidPrecip mean annual solid precipitation of the layer [mm/year]
     */
    public static CemaNeigeLayerRun runLayer(double[] precipitation, double[] solidFraction, double[] temperature,
                                             double meanAnnualSolidPrecip, CemaNeigeParameters parameters,
                                             CemaNeigeLayerState start) {
        ElevationLayerInputs single = new ElevationLayerInputs(new double[] {Double.NaN},
                new double[][] {precipitation}, new double[][] {temperature}, new double[][] {solidFraction},
                ElevationLayerInputs.SolidFractionMethod.USACE);
        return runLayer(single, 0, 0, precipitation.length, meanAnnualSolidPrecip, parameters, start);
    }

    /**
     * airGR's default {@code MeanAnSolidPrecip}: the mean over all steps of the layer-averaged solid precipitation,
     * times the steps per year, the same for every layer.
     */
    public static double[] meanAnnualSolidPrecipitation(ElevationLayerInputs inputs, double stepsPerYear) {
        int layers = inputs.layerCount();
        double[] catchmentSolid = new double[inputs.stepCount()];
        for (int t = 0; t < catchmentSolid.length; t++) {
            double sum = inputs.solidFractionAt(0, t) * inputs.precipitationAt(0, t) / layers;
            for (int layer = 1; layer < layers; layer++) {
                sum = sum + inputs.solidFractionAt(layer, t) * inputs.precipitationAt(layer, t) / layers;
            }
            catchmentSolid[t] = sum;
        }
        double annual = RArithmetic.mean(catchmentSolid) * stepsPerYear;
        double[] perLayer = new double[layers];
        Arrays.fill(perLayer, annual);
        return perLayer;
    }

    /**
     * Per-layer mean annual solid precipitation over the steps {@code [fromStep, toStep)}, missing values ignored, as
     * airGR's hysteresis vignette computes it for a calibration or validation period.
     */
    public static double[] meanAnnualSolidPrecipitationPerLayer(ElevationLayerInputs inputs, int fromStep, int toStep,
                                                                double stepsPerYear) {
        double[] perLayer = new double[inputs.layerCount()];
        double[] solid = new double[toStep - fromStep];
        for (int layer = 0; layer < perLayer.length; layer++) {
            for (int t = fromStep; t < toStep; t++) {
                solid[t - fromStep] = inputs.solidFractionAt(layer, t) * inputs.precipitationAt(layer, t);
            }
            perLayer[layer] = RArithmetic.meanIgnoringNaN(solid) * stepsPerYear;
        }
        return perLayer;
    }

    private static CemaNeigeLayerRun runLayer(ElevationLayerInputs inputs, int layer, int fromStep, int toStep,
                                              double meanAnnualSolidPrecip, CemaNeigeParameters parameters,
                                              CemaNeigeLayerState start) {
        int steps = toStep - fromStep;
        Map<CemaNeigeOutput, double[]> series = new EnumMap<>(CemaNeigeOutput.class);
        for (CemaNeigeOutput output : CemaNeigeOutput.values()) {
            series.put(output, new double[steps]);
        }
        double[] pliqOut = series.get(CemaNeigeOutput.PLIQ);
        double[] psolOut = series.get(CemaNeigeOutput.PSOL);
        double[] snowPackOut = series.get(CemaNeigeOutput.SNOW_PACK);
        double[] thermalStateOut = series.get(CemaNeigeOutput.THERMAL_STATE);
        double[] gratioOut = series.get(CemaNeigeOutput.GRATIO);
        double[] potMeltOut = series.get(CemaNeigeOutput.POT_MELT);
        double[] meltOut = series.get(CemaNeigeOutput.MELT);
        double[] pliqAndMeltOut = series.get(CemaNeigeOutput.PLIQ_AND_MELT);
        double[] tempOut = series.get(CemaNeigeOutput.TEMP);
        double[] gThresholdOut = series.get(CemaNeigeOutput.GTHRESHOLD);
        double[] gLocalMaxOut = series.get(CemaNeigeOutput.GLOCALMAX);

        double ctg = parameters.thermalStateWeight();
        double kf = parameters.degreeDayFactor();
        boolean hysteresis = parameters.hysteresis();
        double gAcc = parameters.accumulationThreshold();

        double snowPack = start.snowPack();
        double thermalState = start.thermalState();
        double gratio = start.snowCoverRatio();
        double gThreshold;
        double gLocalMax;
        if (hysteresis) {
            gThreshold = start.meltThreshold() == 0
                    ? parameters.meltThresholdFraction() * meanAnnualSolidPrecip : start.meltThreshold();
            gLocalMax = start.localMaxThreshold() == 0 ? gThreshold : start.localMaxThreshold();
        } else {
            gThreshold = THRESHOLD_SHARE_OF_ANNUAL_SNOWFALL * meanAnnualSolidPrecip;
            gLocalMax = Double.NaN;
        }

        for (int k = 0; k < steps; k++) {
            int t = fromStep + k;
            double precipitation = inputs.precipitationAt(layer, t);
            double solidFraction = inputs.solidFractionAt(layer, t);
            double temperature = inputs.meanTemperatureAt(layer, t);

            double pliq = (1 - solidFraction) * precipitation;
            double psol = solidFraction * precipitation;

            double snowPackBefore = snowPack;
            snowPack = snowPack + psol;

            thermalState = ctg * thermalState + (1 - ctg) * temperature;
            if (thermalState > 0) {
                thermalState = 0;
            }

            double potMelt;
            if (thermalState == 0 && temperature > MELT_TEMPERATURE) {
                potMelt = kf * (temperature - MELT_TEMPERATURE);
                if (potMelt > snowPack) {
                    potMelt = snowPack;
                }
            } else {
                potMelt = 0;
            }

            if (hysteresis) {
                if (potMelt > 0) {
                    // Melting below the local maximum after full cover starts a new depletion curve from there.
                    if (snowPack < gLocalMax && gratio == 1) {
                        gLocalMax = snowPack;
                    }
                    gratio = Math.min(snowPack / gLocalMax, 1);
                }
            } else {
                gratio = snowPack < gThreshold ? snowPack / gThreshold : 1;
            }

            double melt = ((1 - MINIMUM_MELT_SPEED) * gratio + MINIMUM_MELT_SPEED) * potMelt;
            snowPack = snowPack - melt;

            if (hysteresis) {
                double packChange = snowPack - snowPackBefore;
                if (packChange > 0) {
                    gratio = Math.min(gratio + (psol - melt) / gAcc, 1);
                    if (gratio == 1) {
                        gLocalMax = gThreshold;
                    }
                } else {
                    gratio = Math.min(snowPack / gLocalMax, 1);
                }
            } else {
                gratio = snowPack < gThreshold ? snowPack / gThreshold : 1;
            }

            pliqOut[k] = pliq;
            psolOut[k] = psol;
            snowPackOut[k] = snowPack;
            thermalStateOut[k] = thermalState;
            gratioOut[k] = gratio;
            potMeltOut[k] = potMelt;
            meltOut[k] = melt;
            pliqAndMeltOut[k] = pliq + melt;
            tempOut[k] = temperature;
            gThresholdOut[k] = gThreshold;
            gLocalMaxOut[k] = gLocalMax;
        }
        CemaNeigeLayerState end = new CemaNeigeLayerState(snowPack, thermalState, gThreshold, gLocalMax, gratio);
        return new CemaNeigeLayerRun(series, end);
    }
}

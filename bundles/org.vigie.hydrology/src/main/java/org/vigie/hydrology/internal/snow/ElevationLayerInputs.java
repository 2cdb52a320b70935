package org.vigie.hydrology.internal.snow;

import java.util.Objects;

/**
 * CemaNeige's inputs per elevation layer, as airGR's {@code CreateInputsModel} stores them ({@code LayerPrecip},
 * {@code LayerTempMean}, {@code LayerFracSolidPrecip}, {@code ZLayers}). Arrays are indexed by time step; every
 * accessor returns a copy, so an instance can be shared between runs.
 */
public final class ElevationLayerInputs {

    /** How the solid fraction of precipitation was derived from layer temperatures. */
    public enum SolidFractionMethod {
        /** US Army Corps of Engineers rule on the mean temperature: all snow below -1 °C, all rain above 3 °C. */
        USACE,
        /** Turcotte's rule (Hydrotel) on daily min and max temperatures; airGR uses it for inputs below 1500 m. */
        HYDROTEL
    }

    private final double[] layerElevations;
    private final double[][] precipitation;
    private final double[][] meanTemperature;
    private final double[][] solidFraction;
    private final SolidFractionMethod solidFractionMethod;

    /**
     * @param layerElevations     median elevation of each layer [m]; NaN without hypsometric data
     * @param precipitation       total precipitation per layer [mm per time step], {@code [layer][step]}
     * @param meanTemperature     mean air temperature per layer [°C]
     * @param solidFraction       fraction of precipitation falling as snow per layer [0-1]
     * @param solidFractionMethod rule that produced {@code solidFraction}
     */
    public ElevationLayerInputs(double[] layerElevations, double[][] precipitation, double[][] meanTemperature,
                                double[][] solidFraction, SolidFractionMethod solidFractionMethod) {
        int layers = layerElevations.length;
        if (layers == 0 || precipitation.length != layers || meanTemperature.length != layers
                || solidFraction.length != layers) {
            throw new IllegalArgumentException("every input needs one series per layer (" + layers + ")");
        }
        int steps = precipitation[0].length;
        for (int layer = 0; layer < layers; layer++) {
            if (precipitation[layer].length != steps || meanTemperature[layer].length != steps
                    || solidFraction[layer].length != steps) {
                throw new IllegalArgumentException("layer " + layer + " series differ in length from " + steps);
            }
        }
        this.layerElevations = layerElevations.clone();
        this.precipitation = deepCopy(precipitation);
        this.meanTemperature = deepCopy(meanTemperature);
        this.solidFraction = deepCopy(solidFraction);
        this.solidFractionMethod = Objects.requireNonNull(solidFractionMethod, "solidFractionMethod");
    }

    public int layerCount() {
        return layerElevations.length;
    }

    public int stepCount() {
        return precipitation[0].length;
    }

    public double[] layerElevations() {
        return layerElevations.clone();
    }

    public double[] precipitation(int layer) {
        return precipitation[layer].clone();
    }

    public double[] meanTemperature(int layer) {
        return meanTemperature[layer].clone();
    }

    public double[] solidFraction(int layer) {
        return solidFraction[layer].clone();
    }

    public SolidFractionMethod solidFractionMethod() {
        return solidFractionMethod;
    }

    double precipitationAt(int layer, int step) {
        return precipitation[layer][step];
    }

    double meanTemperatureAt(int layer, int step) {
        return meanTemperature[layer][step];
    }

    double solidFractionAt(int layer, int step) {
        return solidFraction[layer][step];
    }

    private static double[][] deepCopy(double[][] source) {
        double[][] copy = new double[source.length][];
        for (int i = 0; i < source.length; i++) {
            copy[i] = source[i].clone();
        }
        return copy;
    }
}

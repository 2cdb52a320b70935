package org.vigie.hydrology.internal.snow;

import java.time.MonthDay;

import org.vigie.hydrology.internal.numeric.CorrectlyRoundedMath;
import org.vigie.hydrology.internal.numeric.RArithmetic;
import org.vigie.hydrology.internal.snow.ElevationLayerInputs.SolidFractionMethod;

/**
 * Splits a catchment into equal-area elevation layers and extrapolates catchment precipitation and temperature to
 * each layer, as airGR's {@code DataAltiExtrapolation_Valery} (airGR ≥ 1.7, after the layer-index fix #144):
 * <ul>
 *   <li>layer elevation: a percentile of the hypsometric curve (the middle of the layer's percentile band);</li>
 *   <li>precipitation: {@code P · exp(0.00041 · (z_layer − z_inputs))}, the layer elevation capped at 4000 m, then
 *       rescaled so that the layers average to the catchment value ({@code PrecipScale});</li>
 *   <li>temperature: {@code T + (z_inputs − z_layer) · |gradient(day)| / 100} with Valéry's daily lapse rates;</li>
 *   <li>solid fraction: USACE rule on the layer mean temperature, or Hydrotel's on min/max temperatures when the
 *       inputs are representative of an elevation below 1500 m and min/max temperatures are given.</li>
 * </ul>
 * The arithmetic follows R's evaluation order and its long-double row means, so layer inputs are bit-identical to
 * airGR's.
 */
public final class ValeryAltitudeExtrapolation {

    private static final int HYPSOMETRY_POINTS = 101;
    private static final int MEDIAN_INDEX = 50;
    private static final int PERCENTILE_BANDS = 100;
    private static final double PRECIPITATION_CAP_ELEVATION = 4000;
    private static final double HYDROTEL_MAX_INPUT_ELEVATION = 1500;
    private static final double USACE_ALL_SNOW_BELOW = -1.0;
    private static final double USACE_ALL_RAIN_ABOVE = 3.0;

    private ValeryAltitudeExtrapolation() {
    }

    /**
     * Median elevation of each of {@code layerCount} equal-area layers [m], lowest first.
     *
     * @param hypsometry 101 elevations [m]: minimum, percentiles 1 to 99, maximum
     */
    public static double[] layerElevations(double[] hypsometry, int layerCount) {
        requireHypsometry(hypsometry);
        if (layerCount < 1 || layerCount > PERCENTILE_BANDS) {
            throw new IllegalArgumentException("layer count must be within 1..100, got " + layerCount);
        }
        double[] elevations = new double[layerCount];
        int bandsPerLayer = PERCENTILE_BANDS / layerCount;
        int layersWithExtraBand = PERCENTILE_BANDS % layerCount;
        int bandsBefore = 0;
        for (int layer = 0; layer < layerCount; layer++) {
            int bands = bandsPerLayer;
            if (layersWithExtraBand > 0) {
                bands++;
                layersWithExtraBand--;
            }
            if (bands == 1) {
                elevations[layer] = hypsometry[bandsBefore];
            } else if (bands == 2) {
                elevations[layer] = 0.5 * (hypsometry[bandsBefore] + hypsometry[bandsBefore + 1]);
            } else {
                // airGR indexes with a fractional position (bands / 2), which R truncates.
                elevations[layer] = hypsometry[bandsBefore + bands / 2];
            }
            bandsBefore += bands;
        }
        return elevations;
    }

    /**
     * airGR's defaults: inputs representative of the median catchment elevation, precipitation rescaled, USACE rule.
     *
     * @param days            calendar day of each time step (UTC date; hourly steps repeat their day)
     * @param precipitation   catchment precipitation [mm per time step]
     * @param meanTemperature catchment mean air temperature [°C]
     * @param hypsometry      101-point hypsometric curve [m]
     * @param layerCount      number of elevation layers (airGR's default is 5)
     */
    public static ElevationLayerInputs extrapolate(MonthDay[] days, double[] precipitation, double[] meanTemperature,
                                                   double[] hypsometry, int layerCount) {
        requireHypsometry(hypsometry);
        return extrapolate(days, precipitation, true, meanTemperature, null, null, hypsometry[MEDIAN_INDEX],
                hypsometry, layerCount);
    }

    /**
     * Full form of airGR's extrapolation.
     *
     * @param days               calendar day of each time step
     * @param precipitation      catchment precipitation [mm per time step]
     * @param scalePrecipitation rescale layer precipitation to the catchment value ({@code PrecipScale})
     * @param meanTemperature    catchment mean air temperature [°C]
     * @param minTemperature     daily minimum air temperature [°C], or null
     * @param maxTemperature     daily maximum air temperature [°C], or null (both or neither)
     * @param inputsElevation    elevation the inputs represent ({@code ZInputs}) [m]
     * @param hypsometry         101-point hypsometric curve [m]
     * @param layerCount         number of elevation layers
     */
    public static ElevationLayerInputs extrapolate(MonthDay[] days, double[] precipitation, boolean scalePrecipitation,
                                                   double[] meanTemperature, double[] minTemperature,
                                                   double[] maxTemperature, double inputsElevation,
                                                   double[] hypsometry, int layerCount) {
        int steps = precipitation.length;
        if (meanTemperature.length != steps || days.length != steps) {
            throw new IllegalArgumentException("'Precip', 'TempMean' and 'DatesR' must have the same length");
        }
        if ((minTemperature == null) != (maxTemperature == null)) {
            throw new IllegalArgumentException("'TempMin' and 'TempMax' must be both defined if not null");
        }
        boolean minMaxGiven = minTemperature != null;
        if (minMaxGiven && (minTemperature.length != steps || maxTemperature.length != steps)) {
            throw new IllegalArgumentException("'TempMin', 'TempMax' and 'DatesR' must have the same length");
        }
        double[] elevations = layerElevations(hypsometry, layerCount);
        boolean inputsAlreadyAtTheOnlyLayer = layerCount == 1 && sameValue(inputsElevation, hypsometry[MEDIAN_INDEX]);

        double[][] layerPrecipitation = inputsAlreadyAtTheOnlyLayer
                ? new double[][] {precipitation.clone()}
                : extrapolatePrecipitation(precipitation, scalePrecipitation, inputsElevation, elevations);

        double[][] layerMean;
        double[][] layerMin = null;
        double[][] layerMax = null;
        if (inputsAlreadyAtTheOnlyLayer) {
            layerMean = new double[][] {meanTemperature.clone()};
            if (minMaxGiven) {
                layerMin = new double[][] {minTemperature.clone()};
                layerMax = new double[][] {maxTemperature.clone()};
            }
        } else {
            layerMean = new double[layerCount][steps];
            layerMin = minMaxGiven ? new double[layerCount][steps] : null;
            layerMax = minMaxGiven ? new double[layerCount][steps] : null;
            for (int layer = 0; layer < layerCount; layer++) {
                double rise = inputsElevation - elevations[layer];
                for (int t = 0; t < steps; t++) {
                    layerMean[layer][t] = meanTemperature[t]
                            + rise * Math.abs(ValeryGradients.meanTemperatureGradient(days[t])) / 100;
                    if (minMaxGiven) {
                        layerMin[layer][t] = minTemperature[t]
                                + rise * Math.abs(ValeryGradients.minTemperatureGradient(days[t])) / 100;
                        layerMax[layer][t] = maxTemperature[t]
                                + rise * Math.abs(ValeryGradients.maxTemperatureGradient(days[t])) / 100;
                    }
                }
            }
        }

        SolidFractionMethod method = !Double.isNaN(inputsElevation)
                && inputsElevation < HYDROTEL_MAX_INPUT_ELEVATION && minMaxGiven
                ? SolidFractionMethod.HYDROTEL : SolidFractionMethod.USACE;
        double[][] solidFraction = new double[layerCount][steps];
        for (int layer = 0; layer < layerCount; layer++) {
            for (int t = 0; t < steps; t++) {
                solidFraction[layer][t] = method == SolidFractionMethod.HYDROTEL
                        ? hydrotelSolidFraction(layerMin[layer][t], layerMax[layer][t])
                        : usaceSolidFraction(layerMean[layer][t]);
            }
        }
        return new ElevationLayerInputs(elevations, layerPrecipitation, layerMean, solidFraction, method);
    }

    /**
     * airGR without hypsometric data: a single layer fed with the catchment inputs unchanged (layer elevation NaN),
     * solid fraction by the USACE rule.
     */
    public static ElevationLayerInputs singleLayerWithoutHypsometry(double[] precipitation, double[] meanTemperature) {
        if (precipitation.length != meanTemperature.length) {
            throw new IllegalArgumentException("'Precip' and 'TempMean' must have the same length");
        }
        double[] solidFraction = new double[precipitation.length];
        for (int t = 0; t < solidFraction.length; t++) {
            solidFraction[t] = usaceSolidFraction(meanTemperature[t]);
        }
        return new ElevationLayerInputs(new double[] {Double.NaN}, new double[][] {precipitation.clone()},
                new double[][] {meanTemperature.clone()}, new double[][] {solidFraction}, SolidFractionMethod.USACE);
    }

    /** USACE rule: linear from all snow at -1 °C to all rain at 3 °C [fraction of precipitation as snow]. */
    public static double usaceSolidFraction(double meanTemperature) {
        if (meanTemperature > USACE_ALL_RAIN_ABOVE) {
            return 0;
        }
        if (meanTemperature < USACE_ALL_SNOW_BELOW) {
            return 1;
        }
        return 1 - (meanTemperature - USACE_ALL_SNOW_BELOW) / (USACE_ALL_RAIN_ABOVE - USACE_ALL_SNOW_BELOW);
    }

    /** Turcotte's rule (Hydrotel): share of the daily temperature range below 0 °C. */
    public static double hydrotelSolidFraction(double minTemperature, double maxTemperature) {
        if (maxTemperature <= 0) {
            return 1;
        }
        if (minTemperature >= 0) {
            return 0;
        }
        return 1 - maxTemperature / (maxTemperature - minTemperature);
    }

    private static double[][] extrapolatePrecipitation(double[] precipitation, boolean scale, double inputsElevation,
                                                       double[] elevations) {
        int layers = elevations.length;
        int steps = precipitation.length;
        double[][] layerPrecipitation = new double[layers][steps];
        for (int layer = 0; layer < layers; layer++) {
            double factor;
            if (elevations[layer] <= PRECIPITATION_CAP_ELEVATION) {
                factor = CorrectlyRoundedMath.exp(
                        ValeryGradients.PRECIPITATION_GRADIENT_PER_METRE * (elevations[layer] - inputsElevation));
            } else if (inputsElevation <= PRECIPITATION_CAP_ELEVATION) {
                factor = CorrectlyRoundedMath.exp(ValeryGradients.PRECIPITATION_GRADIENT_PER_METRE
                        * (PRECIPITATION_CAP_ELEVATION - inputsElevation));
            } else {
                factor = 1;
            }
            for (int t = 0; t < steps; t++) {
                layerPrecipitation[layer][t] = precipitation[t] * factor;
            }
        }
        if (scale) {
            double[] row = new double[layers];
            for (int t = 0; t < steps; t++) {
                for (int layer = 0; layer < layers; layer++) {
                    row[layer] = layerPrecipitation[layer][t];
                }
                double rowMean = RArithmetic.rowMean(row);
                for (int layer = 0; layer < layers; layer++) {
                    double scaled = layerPrecipitation[layer][t] / rowMean * precipitation[t];
                    // A dry step gives 0/0; airGR resets it to zero while keeping missing inputs missing.
                    layerPrecipitation[layer][t] = Double.isNaN(scaled) && !Double.isNaN(precipitation[t])
                            ? 0 : scaled;
                }
            }
        }
        return layerPrecipitation;
    }

    private static boolean sameValue(double a, double b) {
        return a == b || (Double.isNaN(a) && Double.isNaN(b));
    }

    private static void requireHypsometry(double[] hypsometry) {
        if (hypsometry == null || hypsometry.length != HYPSOMETRY_POINTS) {
            throw new IllegalArgumentException("'HypsoData' must be of length 101");
        }
        for (double elevation : hypsometry) {
            if (Double.isNaN(elevation)) {
                throw new IllegalArgumentException("'HypsoData' must not contain missing values; use "
                        + "singleLayerWithoutHypsometry when the curve is unknown");
            }
        }
    }
}

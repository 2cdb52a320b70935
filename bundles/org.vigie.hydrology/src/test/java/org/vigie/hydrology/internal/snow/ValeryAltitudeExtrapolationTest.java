package org.vigie.hydrology.internal.snow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.MonthDay;

import org.junit.jupiter.api.Test;
import org.vigie.hydrology.internal.snow.ElevationLayerInputs.SolidFractionMethod;
import org.vigie.hydrology.internal.testdata.ReferenceFiles;
import org.vigie.testing.SharedData;

class ValeryAltitudeExtrapolationTest {

    /** Hypsometric curve 1000, 1010, ..., 2000 m: percentile i is at 1000 + 10 i. */
    private static final double[] LINEAR_HYPSOMETRY = new double[101];

    static {
        for (int i = 0; i <= 100; i++) {
            LINEAR_HYPSOMETRY[i] = 1000 + 10 * i;
        }
    }

    @Test
    void fiveLayersTakeTheMiddlePercentileOfEachFifthAsAirGr17Does() {
        double[] hypsometry = ReferenceFiles.hypsometry(SharedData.file("airgr-catchments/X0310010_BasinInfo.txt"));
        // airGR >= 1.7.0 (issue #144): HypsoData[ncont + nn/2 + 1], i.e. percentiles 10, 30, 50, 70, 90.
        assertArrayEquals(new double[] {1386, 1869, 2170, 2406, 2697},
                ValeryAltitudeExtrapolation.layerElevations(hypsometry, 5), 0.0);
    }

    @Test
    void unevenLayerCountsTruncateTheFractionalPercentileIndexLikeR() {
        // 3 layers: bands of 34, 33, 33 percentiles -> positions 0+17, 34+16.5, 67+16.5, truncated.
        assertArrayEquals(new double[] {1170, 1500, 1830},
                ValeryAltitudeExtrapolation.layerElevations(LINEAR_HYPSOMETRY, 3), 0.0);
        assertArrayEquals(new double[] {1500}, ValeryAltitudeExtrapolation.layerElevations(LINEAR_HYPSOMETRY, 1), 0.0);
        assertEquals(1005, ValeryAltitudeExtrapolation.layerElevations(LINEAR_HYPSOMETRY, 50)[0], 0.0);
        assertEquals(1990, ValeryAltitudeExtrapolation.layerElevations(LINEAR_HYPSOMETRY, 100)[99], 0.0);
    }

    @Test
    void temperatureFollowsTheDailyLapseRate() {
        MonthDay[] days = {MonthDay.of(1, 1), MonthDay.of(7, 15)};
        ElevationLayerInputs layers = ValeryAltitudeExtrapolation.extrapolate(days, new double[] {0, 0},
                new double[] {2.0, 15.0}, LINEAR_HYPSOMETRY, 5);
        // Layer 1 at 1100 m, inputs at the median 1500 m: 400 m lower, warmer by 4 x the gradient.
        assertEquals(2.0 + 400 * 0.434 / 100, layers.meanTemperature(0)[0], 0.0);
        assertEquals(15.0 + 400 * 0.596 / 100, layers.meanTemperature(0)[1], 0.0);
        assertEquals(2.0 + (1500 - 1900) * 0.434 / 100, layers.meanTemperature(4)[0], 0.0);
        assertEquals(2.0, layers.meanTemperature(2)[0], 0.0);
        assertEquals(0.546, ValeryGradients.meanTemperatureGradient(MonthDay.of(2, 29)), 0.0);
        assertEquals(0.433, ValeryGradients.meanTemperatureGradient(MonthDay.of(12, 31)), 0.0);
    }

    @Test
    void precipitationGrowsExponentiallyWithElevationAndKeepsTheCatchmentMean() {
        MonthDay[] days = {MonthDay.of(3, 1), MonthDay.of(3, 2), MonthDay.of(3, 3)};
        double[] precipitation = {10.0, 0.0, 3.7};
        ElevationLayerInputs layers = ValeryAltitudeExtrapolation.extrapolate(days, precipitation,
                new double[] {0, 0, 0}, LINEAR_HYPSOMETRY, 5);
        double[] elevations = layers.layerElevations();
        for (int t : new int[] {0, 2}) {
            double sum = 0;
            for (int layer = 0; layer < 5; layer++) {
                sum += layers.precipitation(layer)[t];
            }
            assertEquals(precipitation[t], sum / 5, 1e-14);
            double ratio = layers.precipitation(4)[t] / layers.precipitation(0)[t];
            assertEquals(Math.exp(0.00041 * (elevations[4] - elevations[0])), ratio, 1e-14);
        }
        for (int layer = 0; layer < 5; layer++) {
            assertEquals(0.0, layers.precipitation(layer)[1], 0.0, "a dry day stays dry, not NaN");
        }
    }

    @Test
    void singleLayerAtTheMedianKeepsInputsUntouched() {
        double[] precipitation = {1.1, 2.2};
        double[] temperature = {-3, 4};
        ElevationLayerInputs layers = ValeryAltitudeExtrapolation.extrapolate(
                new MonthDay[] {MonthDay.of(1, 1), MonthDay.of(1, 2)}, precipitation, temperature,
                LINEAR_HYPSOMETRY, 1);
        assertArrayEquals(precipitation, layers.precipitation(0), 0.0);
        assertArrayEquals(temperature, layers.meanTemperature(0), 0.0);
        assertArrayEquals(new double[] {1, 0}, layers.solidFraction(0), 0.0);
    }

    @Test
    void usaceRuleIsLinearBetweenMinusOneAndThreeDegrees() {
        assertEquals(1.0, ValeryAltitudeExtrapolation.usaceSolidFraction(-1.5), 0.0);
        assertEquals(1.0, ValeryAltitudeExtrapolation.usaceSolidFraction(-1.0), 0.0);
        assertEquals(0.5, ValeryAltitudeExtrapolation.usaceSolidFraction(1.0), 0.0);
        assertEquals(0.0, ValeryAltitudeExtrapolation.usaceSolidFraction(3.0), 0.0);
        assertEquals(0.0, ValeryAltitudeExtrapolation.usaceSolidFraction(3.5), 0.0);
    }

    @Test
    void hydrotelRuleIsUsedForLowInputsWithMinAndMaxTemperatures() {
        assertEquals(0.75, ValeryAltitudeExtrapolation.hydrotelSolidFraction(-3, 1), 0.0);
        assertEquals(1.0, ValeryAltitudeExtrapolation.hydrotelSolidFraction(-3, 0), 0.0);
        assertEquals(0.0, ValeryAltitudeExtrapolation.hydrotelSolidFraction(0, 5), 0.0);
        MonthDay[] days = {MonthDay.of(1, 10)};
        ElevationLayerInputs low = ValeryAltitudeExtrapolation.extrapolate(days, new double[] {5}, true,
                new double[] {0}, new double[] {-4}, new double[] {4}, 1400, LINEAR_HYPSOMETRY, 5);
        assertSame(SolidFractionMethod.HYDROTEL, low.solidFractionMethod());
        ElevationLayerInputs high = ValeryAltitudeExtrapolation.extrapolate(days, new double[] {5}, true,
                new double[] {0}, new double[] {-4}, new double[] {4}, 1600, LINEAR_HYPSOMETRY, 5);
        assertSame(SolidFractionMethod.USACE, high.solidFractionMethod());
    }

    @Test
    void invalidHypsometryIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ValeryAltitudeExtrapolation.layerElevations(new double[100], 5));
        assertThrows(IllegalArgumentException.class,
                () -> ValeryAltitudeExtrapolation.layerElevations(LINEAR_HYPSOMETRY, 0));
    }
}

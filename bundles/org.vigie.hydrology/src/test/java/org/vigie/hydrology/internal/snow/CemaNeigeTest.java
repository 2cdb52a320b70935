package org.vigie.hydrology.internal.snow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.hydrology.internal.testdata.ReferenceFiles;
import org.vigie.testing.SharedData;

class CemaNeigeTest {

    /** The parameters of airGR's RunModel_CemaNeige man-page example. */
    private static final CemaNeigeParameters MAN_PAGE = CemaNeigeParameters.withoutHysteresis(0.962, 2.249);
    private static final CemaNeigeParameters WITH_HYSTERESIS =
            CemaNeigeParameters.withHysteresis(0.962, 2.249, 100, 0.4);

    @Test
    void oneMeltStepUsesTheSinglePrecisionConstantsOfAirGr() {
        double meanAnnualSolidPrecip = 100;
        CemaNeigeLayerState start = new CemaNeigeLayerState(10, 0, 0, 0, 0);
        CemaNeigeLayerRun run = CemaNeige.runLayer(new double[] {0}, new double[] {0}, new double[] {2},
                meanAnnualSolidPrecip, CemaNeigeParameters.withoutHysteresis(0.5, 3), start);

        double threshold = 0.89999997615814209 * meanAnnualSolidPrecip;
        double gratio = 10 / threshold;
        double potentialMelt = 3 * 2.0;
        double melt = ((1 - 0.10000000149011612) * gratio + 0.10000000149011612) * potentialMelt;
        assertEquals(0.0, run.series(CemaNeigeOutput.THERMAL_STATE)[0], 0.0);
        assertEquals(potentialMelt, run.series(CemaNeigeOutput.POT_MELT)[0], 0.0);
        assertEquals(melt, run.series(CemaNeigeOutput.MELT)[0], 0.0);
        assertEquals(10 - melt, run.series(CemaNeigeOutput.SNOW_PACK)[0], 0.0);
        assertEquals(threshold, run.series(CemaNeigeOutput.GTHRESHOLD)[0], 0.0);
        assertEquals((10 - melt) / threshold, run.series(CemaNeigeOutput.GRATIO)[0], 0.0);
        assertTrue(Double.isNaN(run.series(CemaNeigeOutput.GLOCALMAX)[0]));
        double doublePrecisionMelt = (0.9 * (10 / (0.9 * 100)) + 0.1) * potentialMelt;
        assertNotEquals(doublePrecisionMelt, melt, "the 0.9/0.1 literals must be single precision");
    }

    @Test
    void coldSnowPackDoesNotMeltUntilItsThermalStateReachesZero() {
        double[] precipitation = {10, 0, 0, 0};
        double[] solidFraction = {1, 0, 0, 0};
        double[] temperature = {-5, 4, 4, 4};
        CemaNeigeLayerRun run = CemaNeige.runLayer(precipitation, solidFraction, temperature, 200,
                CemaNeigeParameters.withoutHysteresis(0.5, 2), CemaNeigeLayerState.INITIAL);
        double[] thermalState = run.series(CemaNeigeOutput.THERMAL_STATE);
        assertEquals(-2.5, thermalState[0], 0.0);
        assertEquals(0.0, thermalState[1], 0.0, "0.5 x -2.5 + 0.5 x 4 = 0.75, capped at 0");
        double[] potentialMelt = run.series(CemaNeigeOutput.POT_MELT);
        double[] snowPack = run.series(CemaNeigeOutput.SNOW_PACK);
        assertEquals(0.0, potentialMelt[0], 0.0);
        for (int t = 1; t < 4; t++) {
            assertEquals(Math.min(2 * 4.0, snowPack[t - 1]), potentialMelt[t], 0.0, "Kf x T, at most the pack");
        }
        assertEquals(snowPack[2], potentialMelt[3], 0.0, "the potential melt is capped by the remaining pack");
        assertEquals(10.0, run.series(CemaNeigeOutput.PSOL)[0], 0.0);
        assertEquals(0.0, run.series(CemaNeigeOutput.MELT)[0], 0.0);
    }

    @Test
    void massBalanceHoldsInEveryLayerOfTheDurance() {
        LayeredCatchment durance = LayeredCatchment.load("X0310010");
        double[] meanAnnualSolid = CemaNeige.meanAnnualSolidPrecipitation(durance.inputs,
                CemaNeige.DAILY_STEPS_PER_YEAR);
        for (CemaNeigeParameters parameters : List.of(MAN_PAGE, WITH_HYSTERESIS)) {
            CemaNeigeRun run = CemaNeige.run(durance.inputs, meanAnnualSolid, parameters);
            for (int layer = 0; layer < run.layerCount(); layer++) {
                assertLayerMassBalance(run.layer(layer), durance.inputs.precipitation(layer), parameters);
            }
        }
    }

    @Test
    void catchmentWaterBalanceMatchesPrecipitationMinusSnowStorage() {
        LayeredCatchment snowy = LayeredCatchment.load("L0123002");
        double[] meanAnnualSolid = CemaNeige.meanAnnualSolidPrecipitation(snowy.inputs,
                CemaNeige.DAILY_STEPS_PER_YEAR);
        CemaNeigeRun run = CemaNeige.run(snowy.inputs, meanAnnualSolid, MAN_PAGE);
        double[] water = run.liquidWaterForRunoffModel();
        double totalWater = 0;
        double totalPrecipitation = 0;
        for (int t = 0; t < water.length; t++) {
            totalWater += water[t];
            totalPrecipitation += snowy.catchmentPrecipitation[t];
        }
        double finalSnow = 0;
        for (int layer = 0; layer < run.layerCount(); layer++) {
            finalSnow += run.layer(layer).endState().snowPack() / run.layerCount();
        }
        assertEquals(totalPrecipitation, totalWater + finalSnow, 1e-8 * totalPrecipitation);
    }

    @Test
    void upperLayersAccumulateMoreSnowThanLowerOnes() {
        LayeredCatchment durance = LayeredCatchment.load("X0310010");
        double[] meanAnnualSolid = CemaNeige.meanAnnualSolidPrecipitation(durance.inputs,
                CemaNeige.DAILY_STEPS_PER_YEAR);
        assertTrue(meanAnnualSolid[0] > 100, "the Durance gets substantial snow: " + meanAnnualSolid[0]);
        CemaNeigeRun run = CemaNeige.run(durance.inputs, meanAnnualSolid, MAN_PAGE);
        double lowest = max(run.layer(0).series(CemaNeigeOutput.SNOW_PACK));
        double highest = max(run.layer(4).series(CemaNeigeOutput.SNOW_PACK));
        assertTrue(highest > 2 * lowest, "highest layer peak " + highest + " vs lowest " + lowest);
    }

    @Test
    void splitRunResumedFromTheEndStateIsBitIdenticalToTheWholeRun() {
        LayeredCatchment durance = LayeredCatchment.load("X0310010");
        double[] meanAnnualSolid = CemaNeige.meanAnnualSolidPrecipitation(durance.inputs,
                CemaNeige.DAILY_STEPS_PER_YEAR);
        int steps = durance.inputs.stepCount();
        int split = 1234;
        List<CemaNeigeLayerState> initial = Collections.nCopies(5, CemaNeigeLayerState.INITIAL);
        for (CemaNeigeParameters parameters : List.of(MAN_PAGE, WITH_HYSTERESIS)) {
            CemaNeigeRun whole = CemaNeige.run(durance.inputs, 0, steps, meanAnnualSolid, parameters, initial);
            CemaNeigeRun first = CemaNeige.run(durance.inputs, 0, split, meanAnnualSolid, parameters, initial);
            CemaNeigeRun second = CemaNeige.run(durance.inputs, split, steps, meanAnnualSolid, parameters,
                    first.endStates());
            for (int layer = 0; layer < 5; layer++) {
                for (CemaNeigeOutput output : CemaNeigeOutput.values()) {
                    double[] expected = whole.layer(layer).series(output);
                    double[] resumed = concatenate(first.layer(layer).series(output),
                            second.layer(layer).series(output));
                    assertArrayEquals(expected, resumed, 0.0, output.airGrName() + " layer " + layer);
                }
                assertEquals(whole.layer(layer).endState(), second.layer(layer).endState());
            }
        }
    }

    @Test
    void hysteresisThresholdsDeriveFromTheMeanAnnualSolidPrecipitation() {
        CemaNeigeParameters parameters = CemaNeigeParameters.withHysteresis(0.962, 2.249, 50, 0.4);
        CemaNeigeLayerRun run = CemaNeige.runLayer(new double[] {5, 0}, new double[] {1, 0}, new double[] {-2, -2},
                250, parameters, CemaNeigeLayerState.INITIAL);
        assertEquals(0.4 * 250, run.series(CemaNeigeOutput.GTHRESHOLD)[0], 0.0);
        assertEquals(0.4 * 250, run.series(CemaNeigeOutput.GLOCALMAX)[0], 0.0);
        // Accumulation raises the cover linearly: 5 mm of the 50 mm Gacc.
        assertEquals(0.1, run.series(CemaNeigeOutput.GRATIO)[0], 0.0);
        // An unchanged pack (dG = 0) takes the depletion branch since airGR 1.7.6 (#178): G / Glocalmax.
        assertEquals(5 / 100.0, run.series(CemaNeigeOutput.GRATIO)[1], 0.0);
    }

    private static void assertLayerMassBalance(CemaNeigeLayerRun run, double[] precipitation,
                                               CemaNeigeParameters parameters) {
        double[] psol = run.series(CemaNeigeOutput.PSOL);
        double[] pliq = run.series(CemaNeigeOutput.PLIQ);
        double[] melt = run.series(CemaNeigeOutput.MELT);
        double[] potentialMelt = run.series(CemaNeigeOutput.POT_MELT);
        double[] snowPack = run.series(CemaNeigeOutput.SNOW_PACK);
        double[] gratio = run.series(CemaNeigeOutput.GRATIO);
        double[] thermalState = run.series(CemaNeigeOutput.THERMAL_STATE);
        double[] pliqAndMelt = run.series(CemaNeigeOutput.PLIQ_AND_MELT);
        double previous = 0;
        double totalSolid = 0;
        double totalMelt = 0;
        for (int t = 0; t < snowPack.length; t++) {
            String at = (parameters.hysteresis() ? "hysteresis" : "classic") + " step " + t;
            assertEquals(snowPack[t], (previous + psol[t]) - melt[t], 0.0, at);
            assertTrue(melt[t] >= 0 && melt[t] <= potentialMelt[t], at);
            assertTrue(potentialMelt[t] <= previous + psol[t], at);
            assertTrue(snowPack[t] >= 0, at);
            assertTrue(thermalState[t] <= 0, at);
            assertTrue(gratio[t] >= 0 && gratio[t] <= 1, at);
            assertEquals(precipitation[t], pliq[t] + psol[t], 1e-12 * Math.max(1, precipitation[t]), at);
            assertEquals(pliq[t] + melt[t], pliqAndMelt[t], 0.0, at);
            totalSolid += psol[t];
            totalMelt += melt[t];
            previous = snowPack[t];
        }
        assertEquals(totalSolid - totalMelt, snowPack[snowPack.length - 1], 1e-9 * Math.max(1, totalSolid));
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static double[] concatenate(double[] first, double[] second) {
        double[] all = new double[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** An airGR example catchment split into 5 layers with airGR's defaults. */
    static final class LayeredCatchment {
        final ElevationLayerInputs inputs;
        final double[] catchmentPrecipitation;

        private LayeredCatchment(ElevationLayerInputs inputs, double[] catchmentPrecipitation) {
            this.inputs = inputs;
            this.catchmentPrecipitation = catchmentPrecipitation;
        }

        static LayeredCatchment load(String code) {
            Path observations = SharedData.file("airgr-catchments/" + code + "_BasinObs.csv");
            double[] hypsometry = ReferenceFiles.hypsometry(SharedData.file("airgr-catchments/" + code
                    + "_BasinInfo.txt"));
            ReferenceFiles.Table table = ReferenceFiles.readCsv(observations);
            MonthDay[] days = java.util.Arrays.stream(table.text("DatesR"))
                    .map(d -> MonthDay.from(LocalDate.parse(d))).toArray(MonthDay[]::new);
            double[] precipitation = table.numbers("P");
            ElevationLayerInputs inputs = ValeryAltitudeExtrapolation.extrapolate(days, precipitation,
                    table.numbers("T"), hypsometry, 5);
            return new LayeredCatchment(inputs, precipitation);
        }
    }
}

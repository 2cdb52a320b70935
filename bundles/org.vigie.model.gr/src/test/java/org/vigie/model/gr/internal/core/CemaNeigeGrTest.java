package org.vigie.model.gr.internal.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vigie.hydrology.internal.snow.CemaNeigeLayerRun;
import org.vigie.hydrology.internal.snow.CemaNeigeLayerState;
import org.vigie.hydrology.internal.snow.CemaNeigeOutput;
import org.vigie.hydrology.internal.snow.CemaNeigeParameters;

class CemaNeigeGrTest {

    /** Rounding of a few additions of values up to ~1000 mm: far below a physical leak, far above 1 ulp. */
    private static final double STEP_TOLERANCE_MM = 1e-10;
    private static final double RUN_TOLERANCE_MM = 1e-8;

    /** airGR's RunModel_CemaNeigeGR4J man-page set (on L0123002), and the sets its calibration tests expect. */
    static List<CemaNeigeGr> parameterSets() {
        return List.of(
                CemaNeigeGr.fromAirGrVector(GrModel.GR4J, 408.774, 2.646, 131.264, 1.174, 0.962, 2.249),
                CemaNeigeGr.fromAirGrVector(GrModel.GR5J, 198.3434, 0.8747758, 98.49443, 1.768769, 0.4824825,
                        0.02002002, 15.05459),
                CemaNeigeGr.fromAirGrVector(GrModel.GR6J, 183.0941, 0.5551637, 60.34029, 2.217718, 0.476,
                        6.049647, 0.02002002, 15.20589),
                CemaNeigeGr.fromAirGrVector(GrModel.GR4J, 207.714454966607, 0.585303966580788, 102.96703872333,
                        2.22398884558641, 0.0196861714424354, 11.8033351474687, 11.9626050560568, 1),
                CemaNeigeGr.fromAirGrVector(GrModel.GR5J, 200.367460040849, 0.888103364174267, 98.860904805536,
                        1.77672854053414, 0.482359807474415, 0.0196975929128107, 10.9981234137787,
                        16.5084505166424, 1),
                CemaNeigeGr.fromAirGrVector(GrModel.GR6J, 186.792803520168, 0.555163669470098, 60.340287597362,
                        2.22747747747747, 0.476, 6.11044743223061, 0.02002002002002, 11.8423564417768, 12, 1),
                // a slow, cold pack with a small hysteresis threshold: partial cover most of the season
                CemaNeigeGr.of(GrModel.GR4J.parameters(350, -1.2, 90, 1.7),
                        CemaNeigeParameters.withHysteresis(0.9, 3.5, 40, 0.3)));
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (CemaNeigeGr model : parameterSets()) {
            cases.add(Arguments.of(model, "synthetic"));
            cases.add(Arguments.of(model, "L0123002"));
        }
        return cases;
    }

    static SnowyCatchment catchment(String source) throws IOException {
        return source.equals("synthetic") ? SnowyCatchment.synthetic(365 * 12, 7) : SnowyCatchment.airGr(source);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void aRunSplitInThreeEqualsTheWholeRunBitForBit(CemaNeigeGr model, String source) throws IOException {
        SnowyCatchment c = catchment(source);
        int n = c.length();
        int a = n / 3 + 40;
        int b = 2 * n / 3 + 17;
        double[] masp = c.meanAnnualSolidPrecipitation();
        CemaNeigeGrState start = model.defaultInitialState(c.layers().layerCount());

        CemaNeigeGrRun whole = model.run(start, c.layers(), c.evaporation(), masp, 0, n);
        CemaNeigeGrRun first = model.run(start, c.layers(), c.evaporation(), masp, 0, a);
        CemaNeigeGrRun second = model.run(first.endState(), c.layers(), c.evaporation(), masp, a, b);
        CemaNeigeGrRun third = model.run(second.endState(), c.layers(), c.evaporation(), masp, b, n);

        assertEquals(whole.endState(), third.endState());
        assertArrayEquals(whole.liquidWater(), join(n, a, b, first.liquidWater(), second.liquidWater(),
                third.liquidWater()), "liquid water");
        for (String name : model.model().outputNames()) {
            assertArrayEquals(whole.gr().series(name), join(n, a, b, first.gr().series(name),
                    second.gr().series(name), third.gr().series(name)), name);
        }
        for (int layer = 0; layer < whole.snow().layerCount(); layer++) {
            for (CemaNeigeOutput output : CemaNeigeOutput.values()) {
                assertArrayEquals(whole.snow().layer(layer).series(output),
                        join(n, a, b, first.snow().layer(layer).series(output),
                                second.snow().layer(layer).series(output), third.snow().layer(layer).series(output)),
                        "layer " + layer + " " + output.airGrName());
            }
        }

        // a warm-up carries the whole state over; outputs cover the run period only
        CemaNeigeGrRun warmedUp = model.runAfterWarmUp(start, c.layers(), c.evaporation(), masp, 0, a, a, n,
                GrOutputs.QSIM_ONLY);
        assertEquals(n - a, warmedUp.steps());
        assertArrayEquals(Arrays.copyOfRange(whole.qsim(), a, n), warmedUp.qsim());
        assertEquals(whole.endState(), warmedUp.endState());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void precipitationIsLiquidWaterPlusTheChangeOfTheSnowPack(CemaNeigeGr model, String source) throws IOException {
        SnowyCatchment c = catchment(source);
        int n = c.length();
        int layers = c.layers().layerCount();
        CemaNeigeGrState start = model.defaultInitialState(layers);
        CemaNeigeGrRun run = model.run(start, c.layers(), c.evaporation(), c.meanAnnualSolidPrecipitation(), 0, n);

        double worstStep = 0;
        double[] catchmentPrecipitation = new double[n];
        for (int layer = 0; layer < layers; layer++) {
            CemaNeigeLayerRun snow = run.snow().layer(layer);
            double[] p = c.layers().precipitation(layer);
            double[] water = snow.series(CemaNeigeOutput.PLIQ_AND_MELT);
            double[] pack = snow.series(CemaNeigeOutput.SNOW_PACK);
            BigDecimal balance = BigDecimal.ZERO;
            double before = start.layers().get(layer).snowPack();
            for (int t = 0; t < n; t++) {
                double imbalance = p[t] - water[t] - (pack[t] - before);
                worstStep = Math.max(worstStep, Math.abs(imbalance));
                assertTrue(pack[t] >= 0, "negative snow pack");
                balance = balance.add(new BigDecimal(p[t])).subtract(new BigDecimal(water[t]));
                before = pack[t];
                catchmentPrecipitation[t] += p[t] / layers;
            }
            double layerImbalance = balance.subtract(new BigDecimal(run.endState().layers().get(layer).snowPack()))
                    .add(new BigDecimal(start.layers().get(layer).snowPack())).abs().doubleValue();
            assertTrue(layerImbalance <= RUN_TOLERANCE_MM, "layer " + layer + " imbalance " + layerImbalance);
        }
        assertTrue(worstStep <= STEP_TOLERANCE_MM, "worst layer step imbalance " + worstStep + " mm");

        // whole catchment: precipitation = liquid water + change of the mean snow pack, and with the GR stores
        // P − AE − Qsim + AExch = change of (snow + GR storage)
        double[] liquid = run.liquidWater();
        double[] ae = run.gr().series("AE");
        double[] qsim = run.qsim();
        double[] exchange = run.gr().series("AExch");
        BigDecimal snowBalance = BigDecimal.ZERO;
        BigDecimal waterBalance = BigDecimal.ZERO;
        for (int t = 0; t < n; t++) {
            snowBalance = snowBalance.add(new BigDecimal(catchmentPrecipitation[t])).subtract(
                    new BigDecimal(liquid[t]));
            waterBalance = waterBalance.add(new BigDecimal(catchmentPrecipitation[t])).subtract(new BigDecimal(ae[t]))
                    .subtract(new BigDecimal(qsim[t])).add(new BigDecimal(exchange[t]));
        }
        BigDecimal snowChange = new BigDecimal(run.endState().meanSnowPack())
                .subtract(new BigDecimal(start.meanSnowPack()));
        BigDecimal grChange = new BigDecimal(run.endState().gr().totalStorage())
                .subtract(new BigDecimal(start.gr().totalStorage()));
        double snowImbalance = snowBalance.subtract(snowChange).abs().doubleValue();
        double totalImbalance = waterBalance.subtract(snowChange).subtract(grChange).abs().doubleValue();
        System.out.printf("%s on %s: worst layer step %.1e mm, catchment snow %.1e mm, snow + GR %.1e mm over %d "
                + "steps%n", model, c.name(), worstStep, snowImbalance, totalImbalance, n);
        assertTrue(snowImbalance <= RUN_TOLERANCE_MM, "catchment snow imbalance " + snowImbalance + " mm");
        assertTrue(totalImbalance <= RUN_TOLERANCE_MM, "snow + GR imbalance " + totalImbalance + " mm");
    }

    /**
     * L0123002 (airGR's fictional "Snowy River", 471–2539 m; its series have northern-hemisphere seasons, with mean
     * temperatures below 0 °C from November to February): airGR's man-page CemaNeigeGR4J run. Snow builds up every
     * winter and is gone by late summer; the upper layers hold more than the lower ones.
     */
    @Test
    void l0123002HasASnowPackEveryWinterAndNoneInLateSummer() throws IOException {
        SnowyCatchment c = SnowyCatchment.airGr("L0123002");
        CemaNeigeGr model = parameterSets().get(0);
        int runFrom = c.indexOf(LocalDate.of(1990, 1, 1));
        int runTo = c.indexOf(LocalDate.of(1999, 12, 31)) + 1;
        int warmUpFrom = WarmUp.defaultStart(c.dates()[0].atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                java.time.Duration.ofDays(1), runFrom);
        CemaNeigeGrRun run = model.runAfterWarmUp(model.defaultInitialState(SnowyCatchment.AIRGR_LAYERS),
                c.layers(), c.evaporation(), c.meanAnnualSolidPrecipitation(), warmUpFrom, runFrom, runFrom, runTo,
                GrOutputs.ALL);

        double[] meanPack = run.meanSnowPack();
        double[] top = run.snow().layer(SnowyCatchment.AIRGR_LAYERS - 1).series(CemaNeigeOutput.SNOW_PACK);
        double[] bottom = run.snow().layer(0).series(CemaNeigeOutput.SNOW_PACK);
        for (int year = 1990; year <= 1999; year++) {
            double winterMax = 0;
            double lateSummerMax = 0;
            double topWinter = 0;
            double bottomWinter = 0;
            for (int i = 0; i < run.steps(); i++) {
                LocalDate date = c.dates()[runFrom + i];
                if (date.getYear() != year) {
                    continue;
                }
                if (date.getMonth() == Month.JANUARY || date.getMonth() == Month.FEBRUARY) {
                    winterMax = Math.max(winterMax, meanPack[i]);
                    topWinter += top[i];
                    bottomWinter += bottom[i];
                }
                if (date.getMonth() == Month.SEPTEMBER) {
                    lateSummerMax = Math.max(lateSummerMax, meanPack[i]);
                }
            }
            System.out.printf("L0123002 %d: max mean snow pack Jan-Feb %.1f mm, Sep %.3f mm%n", year, winterMax,
                    lateSummerMax);
            assertTrue(winterMax > 1, year + ": no snow pack in winter");
            assertTrue(lateSummerMax < 0.1 * winterMax, year + ": snow pack left in late summer");
            assertTrue(topWinter > bottomWinter, year + ": the top layer should hold more snow than the bottom one");
        }

        // melt reaches the river: the coupled model reproduces the observed discharge reasonably
        double nse = nse(c.observedMm(), runFrom, run.qsim());
        System.out.printf("L0123002 CemaNeigeGR4J 1990-1999: NSE %.4f%n", nse);
        assertTrue(nse > 0.5, "NSE " + nse);
        assertTrue(Arrays.stream(run.liquidWater()).allMatch(v -> v >= 0));
    }

    @Test
    void mismatchedLayersAndModelsAreRejected() {
        SnowyCatchment c = SnowyCatchment.synthetic(400, 3);
        CemaNeigeGr model = parameterSets().get(0);
        CemaNeigeGrState twoLayers = model.defaultInitialState(2);
        assertThrows(IllegalArgumentException.class, () -> model.run(twoLayers, c.layers(), c.evaporation(),
                c.meanAnnualSolidPrecipitation(), 0, 10));
        CemaNeigeGrState three = model.defaultInitialState(3);
        assertThrows(IllegalArgumentException.class, () -> model.run(three, c.layers(),
                Arrays.copyOf(c.evaporation(), 5), c.meanAnnualSolidPrecipitation(), 0, 10));
        assertThrows(IllegalArgumentException.class, () -> CemaNeigeGr.of(GrModel.GR4H.parameters(700, -1, 100, 5),
                CemaNeigeParameters.withoutHysteresis(0.5, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> CemaNeigeGr.fromAirGrVector(GrModel.GR4J, 400, 1, 100, 1.5, 0.5));
        assertArrayEquals(new double[] {408.774, 2.646, 131.264, 1.174, 0.962, 2.249}, model.toAirGrVector());
        assertEquals(CemaNeigeLayerState.INITIAL, three.layers().get(2));
        assertEquals(GrModel.GR4J.defaultInitialState(model.grParameters()), three.gr());
    }

    private static double nse(double[] observed, int offset, double[] simulated) {
        double mean = 0;
        int count = 0;
        for (int i = 0; i < simulated.length; i++) {
            if (!Double.isNaN(observed[offset + i])) {
                mean += observed[offset + i];
                count++;
            }
        }
        mean /= count;
        double error = 0;
        double variance = 0;
        for (int i = 0; i < simulated.length; i++) {
            double o = observed[offset + i];
            if (!Double.isNaN(o)) {
                error += (simulated[i] - o) * (simulated[i] - o);
                variance += (o - mean) * (o - mean);
            }
        }
        return 1 - error / variance;
    }

    private static double[] join(int n, int a, int b, double[] first, double[] second, double[] third) {
        double[] joined = new double[n];
        System.arraycopy(first, 0, joined, 0, a);
        System.arraycopy(second, 0, joined, a, b - a);
        System.arraycopy(third, 0, joined, b, n - b);
        return joined;
    }
}

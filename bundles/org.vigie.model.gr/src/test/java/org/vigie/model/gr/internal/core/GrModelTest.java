package org.vigie.model.gr.internal.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class GrModelTest {

    @Test
    void usesAirGrsSinglePrecisionSplitsNotTheDecimalOnes() {
        assertEquals(0.89999997615814209, GrKernels.UH1_SHARE, 0);
        assertEquals(0.40000000596046448, GrKernels.EXPONENTIAL_STORE_SHARE, 0);
        GrParameters gr4j = GrModel.GR4J.parameters(257.238, 1.012, 88.235, 2.208);
        GrRun run = GrModel.GR4J.run(gr4j, GrModel.GR4J.defaultInitialState(gr4j), new double[] {30, 0, 0},
                new double[] {0, 0, 0}, 0, 3);
        // first step from empty hydrographs: UH2's first ordinate is half UH1's, so Q9/Q1 = 2·B/(1 − B)
        double ratio = run.series("Q9")[0] / run.series("Q1")[0];
        assertEquals(17.999995231629554, ratio, 1e-9);
        assertTrue(18 - ratio > 4e-6, "a decimal 0.9 would give 18");
    }

    @Test
    void appliesAirGrsDefaultInitialStates() {
        GrParameters gr6j = GrModel.GR6J.parameters(192.8762, 0.6933087, 49.17833, 2.214542, 0.5088240, 6.814626);
        GrState state = GrModel.GR6J.defaultInitialState(gr6j);
        assertEquals(0.3 * 192.8762, state.production(), 0);
        assertEquals(0.5 * 49.17833, state.routing(), 0);
        assertEquals(0, state.exponential(), 0);
        assertEquals(20, state.uh1().length);
        assertEquals(40, state.uh2().length);
        GrParameters gr5h = GrModel.GR5H.parameters(804.0022, -0.1898488, 137.7525, 3.043663, 0.1951163)
                .withInterceptionStore(2);
        GrState hourly = GrModel.GR5H.defaultInitialState(gr5h);
        assertEquals(0, hourly.interception(), 0);
        assertEquals(0, hourly.uh1().length, "GR5H has no UH1");
        assertEquals(960, hourly.uh2().length);
    }

    @Test
    void namesItsOutputsLikeAirGr() {
        assertEquals(List.of("PotEvap", "Precip", "Prod", "Pn", "Ps", "AE", "Perc", "PR", "Q9", "Q1", "Rout",
                "Exch", "AExch1", "AExch2", "AExch", "QR", "QD", "Qsim"), GrModel.GR5J.outputNames());
        assertEquals(List.of("PotEvap", "Precip", "Prod", "Pn", "Ps", "AE", "Perc", "PR", "Q9", "Q1", "Rout",
                "Exch", "AExch1", "AExch2", "AExch", "QR", "QRExp", "Exp", "QD", "Qsim"), GrModel.GR6J.outputNames());
        assertEquals(List.of("PotEvap", "Precip", "Interc", "Prod", "Pn", "Ps", "AE", "EI", "ES", "Perc", "PR",
                "Q9", "Q1", "Rout", "Exch", "AExch1", "AExch2", "AExch", "QR", "QD", "Qsim"),
                GrModel.GR5H.outputNames());
        assertEquals(GrModel.GR4J.outputNames(), GrModel.GR4H.outputNames());
    }

    @Test
    void raisesParametersToAirGrsFloors() {
        GrParameters gr6j = GrModel.GR6J.parameters(0.001, -1, 0.001, 0.1, 0.5, 0.001);
        assertArrayEquals(new double[] {0.01, -1, 0.01, 0.5, 0.5, 0.01}, gr6j.values());
    }

    @Test
    void gr5hWithAnEmptyInterceptionStoreOfZeroCapacityIsGr5hWithout() {
        Forcings forcing = Forcings.synthetic(true, 24 * 200, 7);
        GrParameters without = GrModel.GR5H.parameters(804.0022, -0.1898488, 137.7525, 3.043663, 0.1951163);
        GrParameters zero = without.withInterceptionStore(0);
        GrRun a = GrModel.GR5H.run(without, GrModel.GR5H.defaultInitialState(without), forcing.precipitation(),
                forcing.evaporation(), 0, forcing.length());
        GrRun b = GrModel.GR5H.run(zero, GrModel.GR5H.defaultInitialState(zero), forcing.precipitation(),
                forcing.evaporation(), 0, forcing.length());
        for (String name : GrModel.GR5H.outputNames()) {
            assertArrayEquals(a.series(name), b.series(name), name);
        }
    }

    @Test
    void anInterceptionStoreHoldsRainBackAndEvaporatesItFirst() {
        GrParameters parameters = GrModel.GR5H.parameters(804.0022, -0.1898488, 137.7525, 3.043663, 0.1951163)
                .withInterceptionStore(2);
        GrRun run = GrModel.GR5H.run(parameters, GrModel.GR5H.defaultInitialState(parameters),
                new double[] {1.5, 1.0, 0.0}, new double[] {0.0, 0.2, 0.4}, 0, 3);
        assertArrayEquals(new double[] {1.5, 2.0, 1.6}, run.series("Interc"), 1e-15);
        assertArrayEquals(new double[] {0.0, 0.3, 0.0}, run.series("Pn"), 1e-15);
        assertArrayEquals(new double[] {0.0, 0.2, 0.4}, run.series("EI"), 1e-15);
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, run.series("ES"), 0);
    }

    @Test
    void stressParametersReachTheExchangeLimits() {
        for (GrParameters parameters : GrTestCases.stressParameterSets()) {
            if (parameters.x(2) >= 0) {
                continue;
            }
            Forcings forcing = Forcings.synthetic(parameters.model().isHourly(), 24 * 365, 42);
            GrModel model = parameters.model();
            GrRun run = model.run(parameters, model.defaultInitialState(parameters), forcing.precipitation(),
                    forcing.evaporation(), 0, forcing.length());
            double[] exch = run.series("Exch");
            double[] aexch2 = run.series("AExch2");
            boolean limited = false;
            for (int i = 0; i < exch.length; i++) {
                limited |= aexch2[i] != exch[i];
            }
            assertTrue(limited, parameters + " never hits the direct-branch exchange limit");
        }
    }

    @Test
    void refusesMissingInputsAndMismatchedStates() {
        GrParameters gr4j = GrModel.GR4J.parameters(257.238, 1.012, 88.235, 2.208);
        GrState state = GrModel.GR4J.defaultInitialState(gr4j);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> GrModel.GR4J.run(
                gr4j, state, new double[] {1, Double.NaN}, new double[] {0, 0}, 0, 2));
        assertEquals("missing precipitation at input index 1; GR models need gap-free forcing", missing.getMessage());
        GrParameters gr4h = GrModel.GR4H.parameters(756.930, -0.773, 138.638, 5.247);
        assertThrows(IllegalArgumentException.class, () -> GrModel.GR4H.run(gr4h, state, new double[1],
                new double[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> GrModel.GR4J.run(gr4h, state, new double[1],
                new double[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> GrModel.GR4J.parameters(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> gr4j.withInterceptionStore(1));
    }

    @Test
    void warmsUpOverTheYearBeforeTheRunLikeAirGr() {
        Duration day = Duration.ofDays(1);
        Instant first = Instant.parse("1984-01-01T00:00:00Z");
        // 1990-01-01 → 1989-01-01: 365 days back, same day of month
        assertEquals(1827, WarmUp.defaultStart(first, day, 2192));
        // 2005-01-01 → 365 days back is 2004-01-02 (2004 is a leap year), so one more day: 2004-01-01
        Instant hourlyFirst = Instant.parse("2004-01-01T00:00:00Z");
        assertEquals(0, WarmUp.defaultStart(hourlyFirst, Duration.ofHours(1), 8784));
        // a run starting 2004-06-01 12:00: the year before begins 2003-06-01 12:00, before the data
        assertEquals(0, WarmUp.defaultStart(hourlyFirst, Duration.ofHours(1), 3660));
        // 2001-03-01 → 2000-03-01 (leap day crossed: 365 days back is 2000-03-01 already)
        assertEquals(WarmUp.defaultStart(first, day, dayIndex(first, "2001-03-01")), dayIndex(first, "2000-03-01"));
        // 2000-03-01 → 365 days back is 1999-03-02, another day of month: 1999-03-01
        assertEquals(dayIndex(first, "1999-03-01"), WarmUp.defaultStart(first, day, dayIndex(first, "2000-03-01")));
        assertEquals(0, WarmUp.defaultStart(first, day, 0));
    }

    private static int dayIndex(Instant first, String date) {
        return (int) Duration.between(first, Instant.parse(date + "T00:00:00Z")).toDays();
    }
}

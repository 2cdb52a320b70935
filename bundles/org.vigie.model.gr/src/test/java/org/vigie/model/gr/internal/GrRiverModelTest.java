package org.vigie.model.gr.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Quantity;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrState;

class GrRiverModelTest {

    private static final Instant T0 = Instant.parse("2005-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int HOURS = 24 * 40;
    private static final Map<String, Double> PARAMETERS = Map.of("X1", 756.930, "X2", -0.773, "X3", 138.638,
            "X4", 5.247, GrRiverModel.AREA, 920.0);

    private final Gr4hModel model = new Gr4hModel();
    private final double[] rain = new double[HOURS];
    private final double[] pet = new double[HOURS];

    GrRiverModelTest() {
        for (int h = 0; h < HOURS; h++) {
            rain[h] = h % 97 < 6 ? 2.5 + (h % 5) : 0;   // a shower every four days
            pet[h] = 0.05 + 0.04 * Math.sin(h * Math.PI / 12);
        }
    }

    private static IrregularTimeSeries series(Quantity q, double[] values, int from, int to) {
        List<Instant> times = new ArrayList<>();
        for (int h = from; h < to; h++) {
            times.add(T0.plus(HOUR.multipliedBy(h)));
        }
        return new IrregularTimeSeries(q, times, java.util.Arrays.copyOfRange(values, from, to));
    }

    private ModelResult forecast(Instant issue, int horizon, ModelState state, Map<String, Double> parameters) {
        int issueHour = (int) Duration.between(T0, issue).toHours();
        return model.run(new ModelRequest(issue, HOUR, horizon, model.descriptor().resolve(parameters), state,
                Map.of("P", series(Quantity.P, rain, 0, issueHour + horizon),
                        "E", series(Quantity.E, pet, 0, issueHour))));
    }

    @Test
    void forecastsTheCoreModelsDischargeInCubicMetresPerSecond() {
        Instant issue = T0.plus(HOUR.multipliedBy(500)).plusSeconds(1234);
        ModelResult result = forecast(issue, 24, null, PARAMETERS);

        GrParameters core = GrModel.GR4H.parameters(756.930, -0.773, 138.638, 5.247);
        double[] e = pet.clone();
        for (int h = 500; h < HOURS; h++) {
            e[h] = pet[499]; // the last known PET carries on over the horizon
        }
        GrState atIssue = GrModel.GR4H.run(core, GrModel.GR4H.defaultInitialState(core), rain, e, 0, 500,
                GrOutputs.STATE_ONLY).endState();
        double[] qmm = GrModel.GR4H.run(core, atIssue, rain, e, 500, 524, GrOutputs.QSIM_ONLY).qsim();
        double[] q = result.forecast().values();
        for (int i = 0; i < 24; i++) {
            assertEquals(qmm[i] * 920 * 1e3 / 3600, q[i], 1e-12 * q[i]);
        }
        assertEquals(T0.plus(HOUR.multipliedBy(501)), result.forecast().start(), "steps align on whole hours");
        assertEquals(T0.plus(HOUR.multipliedBy(500)), result.finalState().validAt());
        assertEquals(Quantity.Q, result.forecast().quantity());
    }

    @Test
    void resumingFromTheSavedStateGivesTheSameForecastAsAColdRunOverTheWholeHistory() {
        Instant first = T0.plus(HOUR.multipliedBy(300));
        Instant second = T0.plus(HOUR.multipliedBy(700));
        ModelResult cycle1 = forecast(first, 12, null, PARAMETERS);
        ModelResult resumed = forecast(second, 12, cycle1.finalState(), PARAMETERS);
        ModelResult cold = forecast(second, 12, null, PARAMETERS);
        assertArrayEquals(cold.forecast().values(), resumed.forecast().values());
        assertArrayEquals(cold.finalState().variable("uh2"), resumed.finalState().variable("uh2"));
    }

    @Test
    void everyGrModelResumesFromItsStateExactly() {
        for (GrRiverModel other : List.of(new Gr5hModel(), new Gr4jModel(), new Gr5jModel(), new Gr6jModel())) {
            Duration step = other.id().endsWith("h") ? HOUR : Duration.ofDays(1);
            Map<String, Double> given = new HashMap<>(Map.of(GrRiverModel.AREA, 920.0));
            if (other.id().equals("gr5h")) {
                given.put("Imax", 2.2);
            }
            Map<String, Double> resolved = other.descriptor().resolve(given);
            int steps = 200;
            List<Instant> times = new ArrayList<>();
            double[] p = new double[steps];
            double[] e = new double[steps];
            for (int i = 0; i < steps; i++) {
                times.add(T0.plus(step.multipliedBy(i)));
                p[i] = i % 9 < 2 ? 6 : 0;
                e[i] = 0.5;
            }
            Map<String, org.vigie.api.TimeSeries> inputs = Map.of("P", new IrregularTimeSeries(Quantity.P, times, p),
                    "E", new IrregularTimeSeries(Quantity.E, times, e));
            ModelResult first = other.run(new ModelRequest(T0.plus(step.multipliedBy(80)), step, 5, resolved, null,
                    inputs));
            Instant second = T0.plus(step.multipliedBy(150));
            ModelResult resumed = other.run(new ModelRequest(second, step, 5, resolved, first.finalState(), inputs));
            ModelResult cold = other.run(new ModelRequest(second, step, 5, resolved, null, inputs));
            assertArrayEquals(cold.forecast().values(), resumed.forecast().values(), other.id());
            assertTrue(cold.forecast().value(0) > 0, other.id());
        }
    }

    @Test
    void grBehindCemaNeigeStoresSnowInTheColdAndResumesFromItsStateExactly() {
        Duration day = Duration.ofDays(1);
        int days = 300;
        List<Instant> times = new ArrayList<>();
        double[] p = new double[days];
        double[] e = new double[days];
        double[] t = new double[days];
        for (int i = 0; i < days; i++) {
            times.add(T0.plus(day.multipliedBy(i)));
            p[i] = i % 4 == 0 ? 8 : 0.5;
            e[i] = 1.0;
            t[i] = 8 - 14 * Math.cos(2 * Math.PI * (i - 15) / 365.0); // a winter around day 15
        }
        Map<String, org.vigie.api.TimeSeries> inputs = Map.of("P", new IrregularTimeSeries(Quantity.P, times, p),
                "E", new IrregularTimeSeries(Quantity.E, times, e), "T", new IrregularTimeSeries(Quantity.T, times, t));
        CemaNeigeGr4jModel snowy = new CemaNeigeGr4jModel();
        Map<String, Double> parameters = snowy.descriptor().resolve(Map.of("X1", 350.0, "X2", 0.0, "X3", 90.0,
                "X4", 1.7, "CTG", 0.9, "Kf", 3.0, GrRiverModel.AREA, 360.0));
        ModelResult winter = snowy.run(new ModelRequest(T0.plus(day.multipliedBy(40)), day, 5, parameters, null,
                inputs));
        assertTrue(winter.finalState().variable("snow")[0] > 10, "snow pack after a cold month");
        ModelResult spring = snowy.run(new ModelRequest(T0.plus(day.multipliedBy(120)), day, 5, parameters,
                winter.finalState(), inputs));
        ModelState coldStart = winter.finalState();
        assertEquals(coldStart.variable("meanSolidPrecipitation")[0],
                spring.finalState().variable("meanSolidPrecipitation")[0], "kept from the cold start");
        ModelResult resumedAgain = snowy.run(new ModelRequest(T0.plus(day.multipliedBy(120)), day, 5, parameters,
                winter.finalState(), inputs));
        assertArrayEquals(spring.forecast().values(), resumedAgain.forecast().values());
        assertEquals("cemaneige-gr4j", snowy.id());
    }

    @Test
    void saysWhatIsWrongWithARequest() {
        Map<String, Double> noArea = new HashMap<>(PARAMETERS);
        noArea.remove(GrRiverModel.AREA);
        assertEquals("gr4h: parameter areaKm2 (catchment area) must be set", assertThrows(
                IllegalArgumentException.class, () -> forecast(T0.plus(HOUR.multipliedBy(100)), 6, null, noArea))
                .getMessage());
        IllegalArgumentException wrongStep = assertThrows(IllegalArgumentException.class, () -> model.run(
                new ModelRequest(T0.plus(Duration.ofDays(5)), Duration.ofDays(1), 3,
                        model.descriptor().resolve(PARAMETERS), null, Map.of())));
        assertTrue(wrongStep.getMessage().contains("runs on a PT1H step"), wrongStep.getMessage());
        double[] gappy = rain.clone();
        List<Instant> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int h = 0; h < 200; h++) {
            if (h != 150) {
                times.add(T0.plus(HOUR.multipliedBy(h)));
                values.add(gappy[h]);
            }
        }
        IrregularTimeSeries withGap = new IrregularTimeSeries(Quantity.P, times,
                values.stream().mapToDouble(Double::doubleValue).toArray());
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class, () -> model.run(new ModelRequest(
                T0.plus(HOUR.multipliedBy(200)), HOUR, 6, model.descriptor().resolve(PARAMETERS), null,
                Map.of("P", withGap, "E", series(Quantity.E, pet, 0, 200)))));
        assertTrue(gap.getMessage().startsWith("input P has no value for the step starting 2005-01-07T06:00:00Z"),
                gap.getMessage());
    }
}

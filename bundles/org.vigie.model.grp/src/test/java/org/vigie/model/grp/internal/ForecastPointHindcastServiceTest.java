package org.vigie.model.grp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.api.ForecastPoint;
import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.Threshold;
import org.vigie.api.TimeSeries;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.CalibrationJob;
import org.vigie.api.service.HindcastJob;
import org.vigie.api.service.ParameterSet;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;
import org.vigie.forecasting.internal.RainfallScenario;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrParameters;

/**
 * The hindcast service over in-memory stores holding airGR's real hourly basin L0123003 (2004–2008) as a forecast
 * point's history: rainfall and PET at two stations, discharge readings in m³/s at the point's station.
 */
class ForecastPointHindcastServiceTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant END_OF_DATA = Instant.parse("2009-01-01T00:00:00Z");
    private static final Instant C_FROM = Instant.parse("2004-01-01T00:00:00Z");
    private static final Instant C_TO = Instant.parse("2007-01-01T00:00:00Z");
    private static final Map<String, ForecastPoint.SeriesRef> INPUTS = Map.of(
            "P", new ForecastPoint.SeriesRef("RAIN", Quantity.P), "E", new ForecastPoint.SeriesRef("PET", Quantity.E));
    private static final ForecastPoint POINT = new ForecastPoint("bubry-Q", "L0123003", Quantity.Q, "grp-gr4h", HOUR,
            24, Duration.ofDays(3), Map.of("areaKm2", 920.0), INPUTS);
    private static final List<Threshold> THRESHOLDS = List.of(
            new Threshold("L0123003", Quantity.Q, VigilanceLevel.YELLOW, 100, "yellow"),
            new Threshold("L0123003", Quantity.Q, VigilanceLevel.ORANGE, 200, "orange"));

    private static InMemoryStores.Series series;

    private final InMemoryStores.Parameters parameters = new InMemoryStores.Parameters();
    private final InMemoryStores.States states = new InMemoryStores.States();

    @BeforeAll
    static void storeTheBasin() throws Exception {
        Basin basin = Basin.read("L0123003");
        series = new InMemoryStores.Series();
        List<Observation> observations = new ArrayList<>();
        Provenance source = Provenance.of("airgr");
        for (int i = 0; i < basin.times().length; i++) {
            Instant t = basin.times()[i];
            observations.add(new Observation("RAIN", Quantity.P, t, basin.precipitation()[i], Quality.GOOD, source, t));
            observations.add(new Observation("PET", Quantity.E, t, basin.evaporation()[i], Quality.GOOD, source, t));
            if (!Double.isNaN(basin.dischargeMm()[i])) {
                // the discharge of step i is the reading at its end
                observations.add(new Observation("L0123003", Quantity.Q, t.plus(HOUR), basin.cubicMetresPerSecond(i),
                        Quality.GOOD, source, t.plus(HOUR)));
            }
        }
        // a station with a few readings only
        for (int i = 0; i < 100; i++) {
            Instant t = basin.times()[i].plus(HOUR);
            observations.add(new Observation("FEWQ", Quantity.Q, t, 10, Quality.GOOD, source, t));
        }
        series.append(observations);
    }

    private ForecastPointHindcastService service(List<ForecastPoint> points, boolean reuse, Instant now) {
        return new ForecastPointHindcastService(InMemoryStores.Catchments.of(points, THRESHOLDS), series, parameters,
                states, RainfallScenario.ZERO, reuse, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static HindcastJob await(ForecastPointHindcastService service, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            HindcastJob job = service.job(id).orElseThrow();
            if (job.status() != CalibrationJob.Status.RUNNING) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " still running: " + service.job(id));
    }

    private static void print(String title, HindcastJob job, Duration elapsed) {
        StringBuilder table = new StringBuilder(title).append(String.format(Locale.ROOT, " (%.1f s)%n",
                elapsed.toMillis() / 1e3));
        table.append("lead     NSE     KGE    bias  cover  NSE_pers  NSE_noupd\n");
        for (HindcastJob.LeadScore lead : job.leads()) {
            if (lead.leadSteps() == 1 || lead.leadSteps() % 6 == 0) {
                table.append(String.format(Locale.ROOT, "%4d  %6.3f  %6.3f  %6.3f  %5.3f  %8.3f  %9.3f%n",
                        lead.leadSteps(), lead.nse(), lead.kge(), lead.bias(), lead.coverage(), lead.nsePersistence(),
                        lead.nseNoUpdate()));
            }
        }
        System.out.print(table.append(job.message()).append('\n'));
    }

    @Test
    void learnsStoresAndReportsThenTheNextCycleUsesIt() throws Exception {
        ForecastPointHindcastService service = service(List.of(POINT), false, END_OF_DATA);
        long started = System.nanoTime();
        HindcastJob job = service.start("bubry-Q", C_FROM, C_TO, C_TO, END_OF_DATA);
        assertEquals(CalibrationJob.Status.RUNNING, job.status());
        assertEquals(List.of(job), service.jobs());
        job = await(service, job.id());
        print("hindcast job on L0123003: calibrated on 2004-2006, verified on 2007-2008, zero rain", job,
                Duration.ofNanos(System.nanoTime() - started));
        assertEquals(CalibrationJob.Status.DONE, job.status(), job.message());
        assertEquals(100, job.percentDone());
        assertNotNull(job.finishedAt());
        assertEquals(24, job.leads().size());
        HindcastJob.LeadScore first = job.leads().get(0);
        assertTrue(first.nse() > first.nsePersistence() && first.nse() > first.nseNoUpdate(), first.toString());
        for (HindcastJob.LeadScore lead : job.leads()) {
            assertTrue(lead.coverage() > 0.6 && lead.coverage() < 0.95, lead.toString());
        }

        // the parameters: a new version
        ParameterSet stored = parameters.latest("bubry-Q", "grp-gr4h").orElseThrow();
        assertEquals(1, stored.version());
        assertTrue(stored.origin().startsWith("hindcast " + job.id()), stored.origin());
        assertEquals(Set.of("X1", "X2", "X3", "X4"), stored.values().keySet());
        assertTrue(job.message().contains("parameters stored as version 1"), job.message());

        // the learnt chain and a GR state at the end of the stored data, consistent with those parameters
        ModelState state = states.load("bubry-Q", "grp-gr4h").orElseThrow();
        assertEquals(END_OF_DATA, state.validAt());
        GrpState read = GrpState.read(state, "grp-gr4h", GrModel.GR4H);
        assertNotNull(read.model());
        assertNotNull(read.learnt().correction());
        assertEquals(24, read.learnt().uncertainty().leads());
        GrParameters x = GrModel.GR4H.parameters(stored.values().get("X1"), stored.values().get("X2"),
                stored.values().get("X3"), stored.values().get("X4"));
        assertTrue(read.learnt().learntWith(x.values()));

        String report = service.report(job.id()).orElseThrow();
        assertTrue(report.contains("Hindcast of bubry-Q") && report.contains("<svg"), "an HTML report with plots");
        assertTrue(service.report("nope").isEmpty());

        // the next forecast cycle, as the core would run it: stored parameters over the catchment's, stored state
        GrpGr4hModel model = new GrpGr4hModel();
        Map<String, Double> given = new HashMap<>(POINT.parameters());
        given.putAll(stored.values());
        Instant issue = END_OF_DATA.plusSeconds(300);
        Instant historyStart = issue.minus(POINT.history());
        Map<String, TimeSeries> inputs = Map.of(
                "P", stored(series.read("RAIN", Quantity.P, historyStart, issue), Quantity.P),
                "E", stored(series.read("PET", Quantity.E, historyStart, issue), Quantity.E),
                ModelRequest.TARGET, stored(series.read("L0123003", Quantity.Q, historyStart, issue.plusNanos(1)),
                        Quantity.Q));
        ModelResult result = model.run(new ModelRequest(issue, HOUR, 24, model.descriptor().resolve(given), state,
                inputs));
        assertEquals(1, result.internals().get(GrpRiverModel.LEARNT)[0], "the cycle uses what the hindcast learnt");
        assertEquals(7, result.quantiles().size());
        assertEquals(END_OF_DATA, result.finalState().validAt(), "resumed from the hindcast's state");
    }

    private static IrregularTimeSeries stored(List<Observation> observations, Quantity quantity) {
        return new IrregularTimeSeries(quantity, observations.stream().map(Observation::time).toList(),
                observations.stream().mapToDouble(Observation::value).toArray());
    }

    @Test
    void reusesStoredParametersAndKeepsARecentStateWhenTheDataStopLongAgo() throws Exception {
        parameters.save("bubry-Q", "grp-gr4h", Map.of("X1", 756.930, "X2", -0.773, "X3", 138.638, "X4", 5.247),
                "airGR");
        // the platform has run cycles since: a state of today, without anything learnt
        Instant today = Instant.parse("2010-06-01T12:00:00Z");
        GrParameters x = GrModel.GR4H.parameters(756.930, -0.773, 138.638, 5.247);
        ModelState running = GrpState.of(today, GrModel.GR4H.defaultInitialState(x), new double[2],
                GrpRiverModel.UNLEARNT_TRANSFORM, null).write("grp-gr4h", GrModel.GR4H);
        states.save("bubry-Q", running);
        ForecastPointHindcastService service = service(List.of(POINT), true, today);
        long started = System.nanoTime();
        HindcastJob job = await(service, service.start("bubry-Q", C_FROM, C_TO, C_TO, END_OF_DATA).id());
        print("hindcast job on L0123003 with airGR's parameters (reuseStoredParameters)", job,
                Duration.ofNanos(System.nanoTime() - started));
        assertEquals(CalibrationJob.Status.DONE, job.status(), job.message());
        assertEquals(1, parameters.history("bubry-Q", "grp-gr4h").size(), "no new parameter version");
        assertTrue(job.message().contains("parameters kept (stored parameter version 1)"), job.message());
        ModelState state = states.load("bubry-Q", "grp-gr4h").orElseThrow();
        assertEquals(today, state.validAt(), "the running state is kept: the data stop long before today");
        GrpState read = GrpState.read(state, "grp-gr4h", GrModel.GR4H);
        assertTrue(read.learnt().learntWith(x.values()));
        assertEquals(running.variable("gr").length, state.variable("gr").length);
    }

    @Test
    void unusableRequestsAreRefused() {
        ForecastPoint gr4h = new ForecastPoint("plain", "L0123003", Quantity.Q, "gr4h", HOUR, 24, Duration.ofDays(3),
                Map.of("areaKm2", 920.0), INPUTS);
        ForecastPoint level = new ForecastPoint("level", "L0123003", Quantity.H, "grp-gr4h", HOUR, 24,
                Duration.ofDays(3), Map.of("areaKm2", 920.0), INPUTS);
        ForecastPoint noArea = new ForecastPoint("no-area", "L0123003", Quantity.Q, "grp-gr4h", HOUR, 24,
                Duration.ofDays(3), Map.of(), INPUTS);
        ForecastPointHindcastService service = service(List.of(POINT, gr4h, level, noArea), false, END_OF_DATA);
        assertRefused("unknown forecast point nope", () -> service.start("nope", C_FROM, C_TO, C_TO, END_OF_DATA));
        assertRefused("runs model 'gr4h'", () -> service.start("plain", C_FROM, C_TO, C_TO, END_OF_DATA));
        assertRefused("forecasts H", () -> service.start("level", C_FROM, C_TO, C_TO, END_OF_DATA));
        assertRefused("no areaKm2", () -> service.start("no-area", C_FROM, C_TO, C_TO, END_OF_DATA));
        assertRefused("before", () -> service.start("bubry-Q", C_TO, C_FROM, C_TO, END_OF_DATA));
        assertRefused("must end by now", () -> service.start("bubry-Q", C_FROM, C_TO, C_TO,
                END_OF_DATA.plus(Duration.ofDays(1))));
        assertRefused("not on the model's PT1H grid", () -> service.start("bubry-Q", C_FROM.plusSeconds(60), C_TO,
                C_TO, END_OF_DATA));
        assertRefused("longer than the forecast horizon", () -> service.start("bubry-Q", C_FROM,
                C_FROM.plus(HOUR.multipliedBy(10)), C_TO, END_OF_DATA));
        assertTrue(service.jobs().isEmpty());
    }

    private static void assertRefused(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, call);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void missingOrTooShortDataFailTheJobWithAClearMessage() throws Exception {
        ForecastPoint noRain = new ForecastPoint("no-rain", "L0123003", Quantity.Q, "grp-gr4h", HOUR, 24,
                Duration.ofDays(3), Map.of("areaKm2", 920.0), Map.of("P", new ForecastPoint.SeriesRef("NORAIN",
                Quantity.P), "E", INPUTS.get("E")));
        ForecastPoint fewReadings = new ForecastPoint("few", "FEWQ", Quantity.Q, "grp-gr4h", HOUR, 24,
                Duration.ofDays(3), Map.of("areaKm2", 920.0), INPUTS);
        ForecastPointHindcastService service = service(List.of(noRain, fewReadings), false, END_OF_DATA);
        HindcastJob failed = await(service, service.start("no-rain", C_FROM, C_TO, C_TO, END_OF_DATA).id());
        assertEquals(CalibrationJob.Status.FAILED, failed.status());
        assertTrue(failed.message().contains("P of station NORAIN has no value for the step starting 2004-01-01T00:00:00Z"),
                failed.message());
        HindcastJob tooShort = await(service, service.start("few", C_FROM, C_TO, C_TO, END_OF_DATA).id());
        assertEquals(CalibrationJob.Status.FAILED, tooShort.status());
        assertTrue(tooShort.message().startsWith("too short: 100 observed discharges of station FEWQ"),
                tooShort.message());
        assertTrue(service.report(failed.id()).isEmpty());
        assertTrue(parameters.latest("no-rain", "grp-gr4h").isEmpty());
        assertTrue(states.load("few", "grp-gr4h").isEmpty());
        // a failed job does not block the next one
        assertEquals(CalibrationJob.Status.FAILED, await(service, service.start("few", C_FROM, C_TO, C_TO,
                END_OF_DATA).id()).status());
    }

    @Test
    void oneJobAtATimePerPointAndDeactivationStopsIt() throws Exception {
        ForecastPointHindcastService service = service(List.of(POINT), false, END_OF_DATA);
        HindcastJob running = service.start("bubry-Q", C_FROM, C_TO, C_TO, END_OF_DATA);
        IllegalStateException busy = assertThrows(IllegalStateException.class,
                () -> service.start("bubry-Q", C_FROM, C_TO, C_TO, END_OF_DATA));
        assertTrue(busy.getMessage().contains(running.id()), busy.getMessage());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (service.job(running.id()).orElseThrow().percentDone() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(20); // let it calibrate for a while
        }
        long stopping = System.nanoTime();
        service.stop();
        HindcastJob stopped = service.job(running.id()).orElseThrow();
        assertEquals(CalibrationJob.Status.FAILED, stopped.status());
        assertTrue(stopped.message().startsWith("stopped"), stopped.message());
        assertTrue(Duration.ofNanos(System.nanoTime() - stopping).compareTo(Duration.ofSeconds(5)) < 0,
                "stops promptly");
        assertTrue(states.load("bubry-Q", "grp-gr4h").isEmpty());
    }
}

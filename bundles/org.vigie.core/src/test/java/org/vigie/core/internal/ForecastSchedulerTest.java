package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigie.api.Catchment;
import org.vigie.api.Forecast;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.RatingCurve;
import org.vigie.api.RegularTimeSeries;
import org.vigie.api.TimeSeries;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.CycleReport;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ModelStateStore;
import org.vigie.api.service.ParameterSet;
import org.vigie.api.service.ParameterStore;
import org.vigie.api.service.RatingCurveStore;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.SeriesStore;
import org.vigie.api.spi.AlertChannel;
import org.vigie.api.spi.ModelDescriptor;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;
import org.vigie.api.spi.ParameterSpec;
import org.vigie.api.spi.RiverModel;

class ForecastSchedulerTest {

    private static final Instant NOW = Instant.parse("2024-10-18T12:00:30.250Z");
    private static final ForecastPoint POINT = new ForecastPoint("orleans-loire-H", VigilanceMonitorTest.LOIRE,
            Quantity.H, "trend", Duration.ofHours(1), 3, Duration.ofHours(8), Map.of("slope", 0.2));
    private static final Catchment CATCHMENT = new Catchment("orleans", "Orléans",
            VigilanceMonitorTest.ORLEANS.stations(), VigilanceMonitorTest.ORLEANS.thresholds(), List.of(POINT));

    /** Last value plus slope per step; counts its runs in its state, as a stateful model would. */
    static final class TrendModel implements RiverModel {
        final List<ModelRequest> requests = new ArrayList<>();

        @Override
        public String id() {
            return "trend";
        }

        @Override
        public ModelDescriptor descriptor() {
            return new ModelDescriptor(List.of(ModelRequest.TARGET),
                    List.of(new ParameterSpec("slope", "m/step", 0, -1, 1, "rise per step")), 1, "test model");
        }

        @Override
        public ModelResult run(ModelRequest request) {
            requests.add(request);
            TimeSeries target = request.input(ModelRequest.TARGET);
            double last = target.value(target.lastValidIndex()
                    .orElseThrow(() -> new IllegalArgumentException("no observed " + target.quantity())));
            double[] values = new double[request.horizonSteps()];
            for (int i = 0; i < values.length; i++) {
                values[i] = last + (i + 1) * request.parameters().get("slope");
            }
            double runs = request.initialState() == null ? 0 : request.initialState().variable("runs")[0];
            return new ModelResult(new RegularTimeSeries(target.quantity(), request.issueTime().plus(request.step()),
                    request.step(), values),
                    new ModelState(id(), 1, request.issueTime(), Map.of("runs", new double[] {runs + 1})), Map.of());
        }
    }

    private final List<Observation> observations = new ArrayList<>(List.of(VigilanceMonitorTest.h(1.8, 0),
            VigilanceMonitorTest.h(2.0, 2)));
    private final SeriesStore series = new SeriesStore() {
        @Override
        public AppendResult append(Collection<Observation> batch) {
            throw new UnsupportedOperationException("read-only in this test");
        }

        @Override
        public List<Observation> read(String station, Quantity quantity, Instant from, Instant to) {
            return observations.stream().filter(o -> o.stationCode().equals(station) && o.quantity() == quantity
                    && !o.time().isBefore(from) && o.time().isBefore(to)).toList();
        }

        @Override
        public Optional<Observation> latest(String station, Quantity quantity) {
            return Optional.empty();
        }

        @Override
        public long count(String station, Quantity quantity) {
            return observations.size();
        }

        @Override
        public void recordFlags(String station, Quantity quantity, Collection<ObservationFlags> flags) {
            throw new UnsupportedOperationException("read-only in this test");
        }

        @Override
        public List<ObservationFlags> readFlags(String station, Quantity quantity, Instant from, Instant to) {
            return List.of();
        }
    };
    private final List<Forecast> archived = new ArrayList<>();
    private final ForecastArchive archive = new ForecastArchive() {
        @Override
        public boolean save(Forecast forecast) {
            return archived.add(forecast);
        }

        @Override
        public Optional<Forecast> latest(String forecastPointId) {
            return archived.isEmpty() ? Optional.empty() : Optional.of(archived.get(archived.size() - 1));
        }

        @Override
        public List<Forecast> runs(String forecastPointId, Instant from, Instant to) {
            return archived;
        }
    };
    private final Map<String, ModelState> states = new HashMap<>();
    private final ModelStateStore stateStore = new ModelStateStore() {
        @Override
        public void save(String forecastPointId, ModelState state) {
            states.put(forecastPointId + "/" + state.modelId(), state);
        }

        @Override
        public Optional<ModelState> load(String forecastPointId, String modelId) {
            return Optional.ofNullable(states.get(forecastPointId + "/" + modelId));
        }
    };
    private final Map<String, ParameterSet> storedParameters = new HashMap<>();
    private final ParameterStore parameterStore = new ParameterStore() {
        @Override
        public ParameterSet save(String point, String modelId, Map<String, Double> values, String origin) {
            ParameterSet set = new ParameterSet(point, modelId, 1, values, NOW, origin);
            storedParameters.put(point + "/" + modelId, set);
            return set;
        }

        @Override
        public Optional<ParameterSet> latest(String point, String modelId) {
            return Optional.ofNullable(storedParameters.get(point + "/" + modelId));
        }

        @Override
        public List<ParameterSet> history(String point, String modelId) {
            return latest(point, modelId).stream().toList();
        }
    };
    private final List<RatingCurve> storedCurves = new ArrayList<>();
    private final RatingCurveStore ratingCurveStore = new RatingCurveStore() {
        @Override
        public void save(RatingCurve curve, String origin) {
            storedCurves.add(curve);
        }

        @Override
        public List<RatingCurve> curves(String stationCode) {
            return storedCurves.stream().filter(c -> c.stationCode().equals(stationCode)).toList();
        }
    };
    private final TrendModel model = new TrendModel();
    private final Map<String, RiverModel> installed = new HashMap<>(Map.of("trend", model));
    private final PluginLookup lookup = new PluginLookup() {
        @Override
        public Optional<VersionedModel> model(String id) {
            return Optional.ofNullable(installed.get(id)).map(m -> new VersionedModel(m, "1.2.3.build"));
        }

        @Override
        public List<AlertChannel> channels() {
            return List.of();
        }
    };
    private final InMemoryAlertStore alerts = new InMemoryAlertStore();
    private final FixedCatchments catchments = new FixedCatchments(CATCHMENT);
    private final ForecastScheduler scheduler = new ForecastScheduler(catchments, lookup, series, archive,
            stateStore, parameterStore, ratingCurveStore, new VigilanceMonitor(catchments, alerts, lookup, new String[] {"log"},
            Clock.fixed(NOW, ZoneOffset.UTC)), 200, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCycleRunsTheModelOnTheObservedPastArchivesItsForecastAndKeepsItsState() {
        CycleReport report = scheduler.runCycle();
        assertEquals(List.of("orleans-loire-H"), report.produced());
        assertEquals(List.of(), report.failures());
        Forecast forecast = archived.get(0);
        assertEquals(Instant.parse("2024-10-18T12:00:30Z"), forecast.issueTime(), "issued on the whole second");
        assertArrayEquals(new double[] {2.2, 2.4, 2.6}, forecast.values(), 1e-12);
        assertEquals(List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3)), forecast.leadTimes());
        assertEquals("1.2.3.build", forecast.modelVersion());
        ModelRequest request = model.requests.get(0);
        TimeSeries target = request.input(ModelRequest.TARGET);
        assertEquals(3, target.size(), "the two observations within the 8 h history and the hour between, filled");
        assertEquals(1.9, target.values()[1], 1e-12, "filled by linear interpolation");

        scheduler.runCycle();
        assertEquals(1.0, model.requests.get(1).initialState().variable("runs")[0], "state restored from the store");
        assertEquals(2, scheduler.lastCycle().orElseThrow().number());
    }

    @Test
    void aForecastAboveAThresholdRaisesTheStationOnForecastBasis() {
        scheduler.runCycle();
        assertEquals(VigilanceLevel.ORANGE, alerts.currentLevels().get(VigilanceMonitorTest.LOIRE));
        assertEquals(2.2, alerts.events.get(0).value(), 1e-12, "2.2 m reaches orange (2.20 m) at lead 1");
        assertEquals(Instant.parse("2024-10-18T13:00:30Z"), alerts.events.get(0).valueTime());
    }

    @Test
    void namedInputsArriveWithTheirValuesBeyondTheIssueTime() {
        ForecastPoint withRain = new ForecastPoint("p", VigilanceMonitorTest.LOIRE, Quantity.H, "trend",
                Duration.ofHours(1), 3, Duration.ofHours(8), Map.of(),
                Map.of("P", new ForecastPoint.SeriesRef(VigilanceMonitorTest.LOIRE, Quantity.P)));
        Observation pastRain = new Observation(VigilanceMonitorTest.LOIRE, Quantity.P, NOW.minusSeconds(1800), 2.5,
                org.vigie.api.Quality.RAW, org.vigie.api.Provenance.of("csv"), NOW);
        Observation scenarioRain = new Observation(VigilanceMonitorTest.LOIRE, Quantity.P, NOW.plusSeconds(7200), 7.0,
                org.vigie.api.Quality.RAW, org.vigie.api.Provenance.of("meteo"), NOW);
        Observation tooFar = new Observation(VigilanceMonitorTest.LOIRE, Quantity.P, NOW.plusSeconds(4 * 3600), 9.0,
                org.vigie.api.Quality.RAW, org.vigie.api.Provenance.of("meteo"), NOW);
        observations.addAll(List.of(pastRain, scenarioRain, tooFar));
        ForecastScheduler withInputs = new ForecastScheduler(new FixedCatchments(new Catchment("c", "c",
                CATCHMENT.stations(), List.of(), List.of(withRain))), lookup, series, archive, stateStore, parameterStore,
                ratingCurveStore, new VigilanceMonitor(catchments, alerts, lookup, new String[0], Clock.systemUTC()), 200,
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(List.of(), withInputs.runCycle().failures());
        TimeSeries rain = model.requests.get(0).input("P");
        assertEquals(Quantity.P, rain.quantity());
        assertArrayEquals(new double[] {2.5, 7.0}, rain.values(), "past and scenario rain within the horizon");
    }

    @Test
    void aDischargeForecastIsAlsoArchivedInLevelThroughTheApplicableRatingCurve() {
        ForecastPoint discharge = new ForecastPoint("loire-Q", VigilanceMonitorTest.LOIRE, Quantity.Q, "trend",
                Duration.ofHours(1), 3, Duration.ofHours(8), Map.of("slope", 1.0));
        observations.add(new Observation(VigilanceMonitorTest.LOIRE, Quantity.Q, NOW.minusSeconds(600), 100,
                org.vigie.api.Quality.RAW, org.vigie.api.Provenance.of("csv"), NOW));
        RatingCurve old = new RatingCurve(VigilanceMonitorTest.LOIRE, Instant.parse("2000-01-01T00:00:00Z"),
                List.of(new RatingCurve.Segment(0.1, 50, 0, 1.0)), 5);
        RatingCurve shipped = new RatingCurve(VigilanceMonitorTest.LOIRE, Instant.parse("2020-01-01T00:00:00Z"),
                List.of(new RatingCurve.Segment(0.1, 100, 0, 1.0)), 5);
        ratingCurveStore.save(old, "historical");
        ForecastScheduler withCurve = new ForecastScheduler(new FixedCatchments(new Catchment("c", "c",
                CATCHMENT.stations(), CATCHMENT.thresholds(), List.of(discharge), List.of(shipped))), lookup, series,
                archive, stateStore, parameterStore, ratingCurveStore,
                new VigilanceMonitor(catchments, alerts, lookup, new String[0], Clock.systemUTC()), 200,
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(List.of(), withCurve.runCycle().failures());

        assertEquals(2, archived.size());
        Forecast level = archived.get(1);
        assertEquals("loire-Q/H", level.forecastPointId());
        assertEquals(Quantity.H, level.quantity());
        assertArrayEquals(new double[] {1.01, 1.02, 1.03}, level.values(), 1e-12, "Q = 100·H, the curve of the time");
    }

    @Test
    void aStoredParameterSetOverridesTheCatchmentDefinition() {
        parameterStore.save("orleans-loire-H", "trend", Map.of("slope", -0.1), "calibrated");
        scheduler.runCycle();
        assertEquals(-0.1, model.requests.get(0).parameters().get("slope"));
        assertArrayEquals(new double[] {1.9, 1.8, 1.7}, archived.get(0).values(), 1e-12);
    }

    @Test
    void anAbsentModelFailsOnlyItsForecastPointWithAClearReason() {
        installed.clear();
        CycleReport report = scheduler.runCycle();
        assertEquals(List.of("orleans-loire-H: model 'trend' is not installed"), report.failures());
        assertTrue(archived.isEmpty());
    }

    @Test
    void noObservationMeansNoForecastAndSaysWhy() {
        observations.clear();
        CycleReport report = scheduler.runCycle();
        assertEquals(List.of("orleans-loire-H: no observed H"), report.failures());
        assertTrue(archived.isEmpty());
    }
}

package org.vigie.gis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.vigie.api.Catchment;
import org.vigie.api.ForecastPoint;
import org.vigie.api.GeoPosition;
import org.vigie.api.Lambert93;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.Threshold;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.GeoFeature;
import org.vigie.api.service.GeoLayer;
import org.vigie.api.service.GeometryStore;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.ObservationSink;
import org.vigie.api.service.SeriesStore;

/**
 * The areal rainfall component between the store and the catchment definitions: a 10 km square outline with two
 * gauges inside (half each) and one outside (no share).
 */
class ArealRainfallComponentTest {
    private static final Instant T1 = Instant.parse("2026-11-30T06:00:00Z");
    private static final Instant T2 = T1.plus(Duration.ofHours(1));

    private final Series series = new Series();
    private final GeoFeature outline = new GeoFeature("square",
            new GeometryFactory().toGeometry(new Envelope(600000, 610000, 6700000, 6710000)), Map.of());

    @Test
    void aStepIsWrittenOnceEveryGaugeReportedItAndALateOneAfterTheGracePeriod() {
        ArealRainfallComponent areal = component(config("thiessen", "unused", 0.5), T2.plusSeconds(600));
        series.ingest(List.of(rain("G1", T1, 2), rain("G2", T1, 4), rain("G3", T1, 50), rain("G1", T2, 6)));

        areal.computeThiessen(T1, T2, false);
        assertEquals(List.of("2026-11-30T06:00:00Z=3.0"), areal(), "the far gauge has no share; T2 waits for G2");
        areal.computeThiessen(T1, T2, false);
        assertEquals(1, areal().size(), "nothing written twice");

        ArealRainfallComponent later = component(config("thiessen", "unused", 0.5), T2.plus(Duration.ofHours(3)));
        later.sweep();
        assertEquals(List.of("2026-11-30T06:00:00Z=3.0", "2026-11-30T07:00:00Z=6.0"), areal(),
                "past the grace period, from G1 alone, which covers half the outline");
    }

    @Test
    void aLateStepCoveredByTooFewGaugesIsNotWritten() {
        series.ingest(List.of(rain("G1", T2, 6)));
        component(config("thiessen", "unused", 0.8), T2.plus(Duration.ofHours(3))).sweep();
        assertEquals(List.of(), areal());
    }

    @Test
    void aGridFileBecomesOneValueAndMovesToDoneAndABadOneIsRejectedWithItsReason(@TempDir Path home)
            throws Exception {
        Path grids = Files.createDirectories(home.resolve("data/grids"));
        ArealRainfallComponent areal = new ArealRainfallComponent(config("grid", "data/grids", 0.8), series, series,
                new Layers(), new Registry(), home, Clock.fixed(T2, ZoneOffset.UTC), false);
        // 4 cells of 5 km covering the square exactly: 1, 2, 3, 4 mm → mean 2.5
        Path good = Files.writeString(grids.resolve("rain_20261130T0600Z.asc"), "ncols 2\nnrows 2\nxllcorner 600000\n"
                + "yllcorner 6700000\ncellsize 5000\n1 2\n3 4\n");
        areal.importGrid(good);
        assertEquals(List.of("2026-11-30T06:00:00Z=2.5"), areal());
        assertTrue(Files.exists(grids.resolve("done/rain_20261130T0600Z.asc")));

        Path noTime = Files.writeString(grids.resolve("rain.asc"), "ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\n"
                + "cellsize 1\n1\n");
        areal.importGrid(noTime);
        assertTrue(Files.readString(grids.resolve("rejected/rain.asc.error.txt")).contains("no UTC time"));
        Path halfEmpty = Files.writeString(grids.resolve("rain_20261130T0700Z.asc"), "ncols 2\nnrows 2\n"
                + "xllcorner 600000\nyllcorner 6700000\ncellsize 5000\nNODATA_value -9999\n-9999 -9999\n3 4\n");
        areal.importGrid(halfEmpty);
        assertTrue(Files.readString(grids.resolve("rejected/rain_20261130T0700Z.asc.error.txt"))
                .contains("only 50 % of the outline has data"));
        assertEquals(1, areal().size());
    }

    private ArealRainfallComponent component(ArealRainfallComponent.Config config, Instant now) {
        return new ArealRainfallComponent(config, series, series, new Layers(), new Registry(), null,
                Clock.fixed(now, ZoneOffset.UTC), false);
    }

    private List<String> areal() {
        return series.stored.stream().filter(o -> o.stationCode().equals("square-areal"))
                .sorted(Comparator.comparing(Observation::time)).map(o -> o.time() + "=" + o.value()).toList();
    }

    private static Observation rain(String gauge, Instant time, double mm) {
        return new Observation(gauge, Quantity.P, time, mm, Quality.GOOD, Provenance.of("test"), time);
    }

    private static ArealRainfallComponent.Config config(String method, String gridFolder, double minCoverage) {
        return new ArealRainfallComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ArealRainfallComponent.Config.class;
            }

            @Override
            public String station() {
                return "square-areal";
            }

            @Override
            public String outlineLayer() {
                return "outlines";
            }

            @Override
            public String outlineFeature() {
                return "square";
            }

            @Override
            public String method() {
                return method;
            }

            @Override
            public String[] gauges() {
                return new String[] {"G1", "G2", "G3"};
            }

            @Override
            public String grace() {
                return "PT2H";
            }

            @Override
            public String gridFolder() {
                return gridFolder;
            }

            @Override
            public int gridSrid() {
                return 2154;
            }

            @Override
            public double minCoverage() {
                return minCoverage;
            }
        };
    }

    /** A series store that is its own sink, keeping the first value of a station, quantity and time. */
    private static final class Series implements SeriesStore, ObservationSink {
        final List<Observation> stored = new ArrayList<>();

        @Override
        public synchronized AppendResult ingest(Collection<Observation> observations) {
            return append(observations);
        }

        @Override
        public synchronized AppendResult append(Collection<Observation> observations) {
            int added = 0;
            for (Observation o : observations) {
                if (stored.stream().noneMatch(s -> s.stationCode().equals(o.stationCode())
                        && s.quantity() == o.quantity() && s.time().equals(o.time()))) {
                    stored.add(o);
                    added++;
                }
            }
            return new AppendResult(added, observations.size() - added);
        }

        @Override
        public synchronized List<Observation> read(String stationCode, Quantity quantity, Instant from, Instant to) {
            return stored.stream().filter(o -> o.stationCode().equals(stationCode) && o.quantity() == quantity
                    && !o.time().isBefore(from) && o.time().isBefore(to)).toList();
        }

        @Override
        public Optional<Observation> latest(String stationCode, Quantity quantity) {
            return read(stationCode, quantity, Instant.MIN, Instant.MAX).stream()
                    .max(Comparator.comparing(Observation::time));
        }

        @Override
        public long count(String stationCode, Quantity quantity) {
            return read(stationCode, quantity, Instant.MIN, Instant.MAX).size();
        }

        @Override
        public void recordFlags(String stationCode, Quantity quantity, Collection<ObservationFlags> flags) {
        }

        @Override
        public List<ObservationFlags> readFlags(String stationCode, Quantity quantity, Instant from, Instant to) {
            return List.of();
        }
    }

    /** The gauges' positions, as catchment definitions give them. */
    private static final class Registry implements CatchmentRegistry {
        private final List<Station> gauges = List.of(gauge("G1", 602500), gauge("G2", 607500), gauge("G3", 650000));

        private static Station gauge(String code, double x) {
            return new Station(code, code, "", new GeoPosition(2.0, 47.8), new Lambert93(x, 6705000), null);
        }

        @Override
        public List<Catchment> catchments() {
            return List.of(new Catchment("test", "test", gauges, List.of(), List.of()));
        }

        @Override
        public Optional<Station> station(String code) {
            return gauges.stream().filter(s -> s.code().equals(code)).findFirst();
        }

        @Override
        public List<Station> stations() {
            return gauges;
        }

        @Override
        public List<Threshold> thresholds(String stationCode, Quantity quantity) {
            return List.of();
        }

        @Override
        public List<ForecastPoint> forecastPoints() {
            return List.of();
        }
    }

    /** One layer holding the square outline. */
    private final class Layers implements GeometryStore {
        @Override
        public void replaceLayer(GeoLayer layer, List<GeoFeature> features) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<GeoLayer> layers() {
            return List.of();
        }

        @Override
        public Optional<GeoLayer> layer(String name) {
            return Optional.empty();
        }

        @Override
        public List<GeoFeature> features(String layer, Envelope bbox, int offset, int limit) {
            return layer.equals("outlines") ? List.of(outline) : List.of();
        }

        @Override
        public int count(String layer, Envelope bbox) {
            return features(layer, bbox, 0, Integer.MAX_VALUE).size();
        }

        @Override
        public boolean removeLayer(String name) {
            return false;
        }
    }
}

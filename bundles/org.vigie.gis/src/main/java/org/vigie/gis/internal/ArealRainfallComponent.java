package org.vigie.gis.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.GeoFeature;
import org.vigie.api.service.GeoLayer;
import org.vigie.api.service.GeometryStore;
import org.vigie.api.service.ObservationSink;
import org.vigie.api.service.SeriesStore;
import org.vigie.api.spi.IngestListener;
import org.vigie.gis.internal.rainfall.ArealMean;
import org.vigie.gis.internal.rainfall.ArealRainfall;
import org.vigie.gis.internal.rainfall.EsriAsciiGrid;
import org.vigie.gis.internal.rainfall.GridOverlapWeights;
import org.vigie.gis.internal.rainfall.GridWeights;
import org.vigie.gis.internal.rainfall.ThiessenWeights;

/**
 * The rainfall over one catchment outline as a P series a model can take as input: from rain gauges with Thiessen
 * weights, or from rainfall grids (Esri ASCII files dropped in a folder) with exact cell/outline overlap weights. One
 * factory configuration per catchment series. Weights are computed once (per set of reporting gauges, per grid
 * geometry) and kept.
 *
 * <p>The store keeps the first value of a time step, so a step is written once: as soon as every gauge has reported
 * it, or, for gauges that stay silent, once it is older than the grace period, from the gauges that did.
 */
@Component(service = IngestListener.class, configurationPid = ArealRainfallComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ArealRainfallComponent.Config.class, factory = true)
public final class ArealRainfallComponent implements IngestListener {
    static final String PID = "org.vigie.gis.areal";
    private static final Logger LOG = LoggerFactory.getLogger(ArealRainfallComponent.class);
    private static final Pattern GRID_TIME = Pattern.compile("(\\d{8}T\\d{4})Z?");
    private static final DateTimeFormatter GRID_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    @ObjectClassDefinition(name = "Vigie areal rainfall",
            description = "Catchment-mean rainfall from rain gauges (Thiessen) or rainfall grids, stored as a P series")
    public @interface Config {
        @AttributeDefinition(description = "Station code the areal series is stored under, e.g. dhuy-areal;"
                + " a forecast point takes it as input {\"station\": \"dhuy-areal\", \"quantity\": \"P\"}")
        String station();

        @AttributeDefinition(description = "Stored layer holding the outline, e.g. orleans-catchments")
        String outlineLayer();

        @AttributeDefinition(description = "Id of the outline's feature in that layer, e.g. K437311001")
        String outlineFeature();

        @AttributeDefinition(description = "thiessen (rain gauges) or grid (Esri ASCII rainfall grids)")
        String method() default "thiessen";

        @AttributeDefinition(description = "Thiessen: station codes of the rain gauges (their positions come from"
                + " the catchment definitions)")
        String[] gauges() default {};

        @AttributeDefinition(description = "Thiessen: a step is computed from the gauges that reported once it is"
                + " this old, ISO-8601")
        String grace() default "PT2H";

        @AttributeDefinition(description = "Grid: folder receiving .asc files named with their UTC step start,"
                + " e.g. rain_20261201T0600Z.asc; relative to vigie.home")
        String gridFolder() default "data/grids";

        @AttributeDefinition(description = "Grid: EPSG code of the grid coordinates (2154 or 4326)")
        int gridSrid() default 2154;

        @AttributeDefinition(description = "Smallest share of the outline with data for a value to be stored")
        double minCoverage() default 0.8;
    }

    private final Config config;
    private final SeriesStore series;
    private final ObservationSink sink;
    private final GeometryStore geometries;
    private final CatchmentRegistry catchments;
    private final Clock clock;
    private final Duration grace;
    private final Path gridFolder;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "vigie-areal-rainfall");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<GridKey, GridWeights> gridWeights = new HashMap<>();
    private ThiessenWeights thiessen;
    private Geometry outline;
    private Instant outlineImportedAt;

    private record GridKey(org.vigie.gis.internal.rainfall.GridGeometry grid, int srid) {
    }

    @Activate
    public ArealRainfallComponent(Config config, @Reference(name = "series") SeriesStore series,
                                  @Reference(name = "sink") ObservationSink sink,
                                  @Reference(name = "geometries") GeometryStore geometries,
                                  @Reference(name = "catchments") CatchmentRegistry catchments,
                                  BundleContext context) {
        this(config, series, sink, geometries, catchments, Optional.ofNullable(context.getProperty("vigie.home"))
                .map(Path::of).orElse(null), Clock.systemUTC(), true);
    }

    /** @param schedule whether to sweep late steps and poll the grid folder on a timer (off in tests) */
    ArealRainfallComponent(Config config, SeriesStore series, ObservationSink sink, GeometryStore geometries,
                           CatchmentRegistry catchments, Path home, Clock clock, boolean schedule) {
        this.config = config;
        this.series = series;
        this.sink = sink;
        this.geometries = geometries;
        this.catchments = catchments;
        this.clock = clock;
        if (config.station() == null || config.station().isBlank()) {
            throw new IllegalArgumentException("areal rainfall: 'station' (the code of the areal series) is required");
        }
        grace = Duration.parse(config.grace());
        Path folder = Path.of(config.gridFolder());
        gridFolder = folder.isAbsolute() || home == null ? folder : home.resolve(folder);
        switch (config.method()) {
            case "thiessen" -> {
                if (config.gauges().length == 0) {
                    throw new IllegalArgumentException("areal rainfall " + config.station()
                            + ": the thiessen method needs gauges");
                }
                if (schedule) {
                    worker.scheduleWithFixedDelay(this::sweep, 10, 600, TimeUnit.SECONDS);
                }
            }
            case "grid" -> {
                if (schedule) {
                    worker.scheduleWithFixedDelay(this::pollGrids, 2, 30, TimeUnit.SECONDS);
                }
            }
            default -> throw new IllegalArgumentException("areal rainfall " + config.station() + ": method '"
                    + config.method() + "', use thiessen or grid");
        }
    }

    @Deactivate
    void deactivate() {
        worker.shutdownNow();
    }

    @Override
    public void stored(String stationCode, Quantity quantity, Instant from, Instant to) {
        if (quantity == Quantity.P && config.method().equals("thiessen")
                && List.of(config.gauges()).contains(stationCode)) {
            worker.execute(() -> computeSafely(from, to, false));
        }
    }

    /** Writes the steps of the last two days older than the grace period that are still missing. */
    void sweep() {
        Instant now = clock.instant();
        computeSafely(now.minus(Duration.ofDays(2)), now.minus(grace), true);
    }

    void computeSafely(Instant from, Instant to, boolean lateSteps) {
        try {
            computeThiessen(from, to, lateSteps);
        } catch (RuntimeException e) {
            LOG.error("areal rainfall {}: {}", config.station(), e.getMessage(), e);
        }
    }

    /**
     * Writes the steps of [from, to] not yet stored: those every gauge reported, and with {@code lateSteps} those
     * older than the grace period from the gauges that did.
     */
    void computeThiessen(Instant from, Instant to, boolean lateSteps) {
        Map<Instant, Map<String, Double>> byTime = new TreeMap<>();
        for (String gauge : config.gauges()) {
            for (Observation o : series.read(gauge, Quantity.P, from, to.plusNanos(1))) {
                byTime.computeIfAbsent(o.time(), t -> new HashMap<>()).put(gauge, o.value());
            }
        }
        Set<Instant> done = new HashSet<>();
        series.read(config.station(), Quantity.P, from, to.plusNanos(1)).forEach(o -> done.add(o.time()));
        Instant lateBefore = clock.instant().minus(grace);
        List<Observation> areal = new ArrayList<>();
        ThiessenWeights weights = thiessenWeights();
        for (Map.Entry<Instant, Map<String, Double>> entry : byTime.entrySet()) {
            boolean complete = entry.getValue().keySet().containsAll(List.of(config.gauges()));
            if (done.contains(entry.getKey()) || !(complete || lateSteps && entry.getKey().isBefore(lateBefore))) {
                continue;
            }
            ArealMean mean = ArealRainfall.thiessen(weights, entry.getValue());
            if (mean.hasValue() && mean.coverage() >= config.minCoverage()) {
                areal.add(observation(entry.getKey(), mean, "thiessen " + entry.getValue().size() + "/"
                        + config.gauges().length + " gauges"));
            }
        }
        if (!areal.isEmpty()) {
            sink.ingest(areal);
        }
    }

    private synchronized ThiessenWeights thiessenWeights() {
        refreshIfOutlineChanged();
        if (thiessen == null) {
            Map<String, Coordinate> positions = new LinkedHashMap<>();
            for (String gauge : config.gauges()) {
                Station station = catchments.station(gauge).orElseThrow(() -> new IllegalStateException(
                        "rain gauge " + gauge + " is in no catchment definition: its position is unknown"));
                positions.put(gauge, new Coordinate(station.lambert93().x(), station.lambert93().y()));
            }
            thiessen = new ThiessenWeights(positions, outline());
            LOG.info("areal rainfall {}: Thiessen weights {}", config.station(), thiessen.weights());
        }
        return thiessen;
    }

    /** Forgets the outline and every weight computed from it when its layer was imported again since. */
    private synchronized void refreshIfOutlineChanged() {
        Instant imported = geometries.layer(config.outlineLayer()).map(GeoLayer::importedAt).orElse(null);
        if (imported != null && !imported.equals(outlineImportedAt)) {
            outlineImportedAt = imported;
            outline = null;
            thiessen = null;
            gridWeights.clear();
        }
    }

    private synchronized Geometry outline() {
        refreshIfOutlineChanged();
        if (outline == null) {
            outline = geometries.features(config.outlineLayer(), null, 0, Integer.MAX_VALUE).stream()
                    .filter(f -> f.id().equals(config.outlineFeature())).map(GeoFeature::geometry).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no feature " + config.outlineFeature()
                            + " in layer " + config.outlineLayer() + " (not imported yet?)"));
        }
        return outline;
    }

    private void pollGrids() {
        try (var files = Files.list(gridFolder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".asc")).sorted()
                    .toList()) {
                try {
                    importGrid(file);
                } catch (IOException | RuntimeException e) {
                    // e.g. the outline not imported yet: the file stays and is tried again at the next poll
                    LOG.warn("areal rainfall {}: grid {} not read yet: {}", config.station(), file.getFileName(),
                            e.getMessage());
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            LOG.debug("grid folder {} does not exist yet", gridFolder);
        } catch (IOException | RuntimeException e) {
            LOG.error("areal rainfall {}: reading grid folder {}: {}", config.station(), gridFolder, e.getMessage());
        }
    }

    /** Reads one grid file, stores its areal value, and moves it to done/ (or rejected/ with the reason). */
    void importGrid(Path file) throws IOException {
        String reason;
        try {
            Matcher time = GRID_TIME.matcher(file.getFileName().toString());
            if (!time.find()) {
                throw new IllegalArgumentException("no UTC time yyyyMMddTHHmmZ in the file name");
            }
            Instant stepStart = LocalDateTime.parse(time.group(1), GRID_TIME_FORMAT).toInstant(ZoneOffset.UTC);
            EsriAsciiGrid grid = EsriAsciiGrid.read(file);
            GridWeights weights;
            synchronized (this) {
                refreshIfOutlineChanged();
                weights = gridWeights.computeIfAbsent(new GridKey(grid.geometry(), config.gridSrid()),
                        key -> GridOverlapWeights.compute(key.grid(), outlineInGridSystem()));
            }
            ArealMean mean = ArealRainfall.grid(weights, grid);
            if (!mean.hasValue() || mean.coverage() < config.minCoverage()) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "only %.0f %% of the outline has data (minimum %.0f %%)", 100 * mean.coverage(),
                        100 * config.minCoverage()));
            }
            sink.ingest(List.of(observation(stepStart, mean, "grid " + file.getFileName())));
            move(file, "done");
            return;
        } catch (IllegalArgumentException | java.time.DateTimeException | IOException e) {
            reason = e.getMessage();
        }
        LOG.warn("areal rainfall {}: grid {} rejected: {}", config.station(), file.getFileName(), reason);
        Path rejected = move(file, "rejected");
        Files.writeString(rejected.resolveSibling(rejected.getFileName() + ".error.txt"), reason + "\n");
    }

    private Geometry outlineInGridSystem() {
        Geometry lambert = outline();
        return config.gridSrid() == Reprojection.LAMBERT93 ? lambert
                : Reprojection.instance().transform(lambert, config.gridSrid());
    }

    private static Path move(Path file, String folder) throws IOException {
        Path target = file.resolveSibling(folder).resolve(file.getFileName());
        Files.createDirectories(target.getParent());
        return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private Observation observation(Instant time, ArealMean mean, String method) {
        return new Observation(config.station(), Quantity.P, time, mean.value(), Quality.GOOD,
                new Provenance("areal:" + config.method(), method + String.format(java.util.Locale.ROOT,
                        ", coverage %.2f", mean.coverage()), config.outlineLayer() + "/" + config.outlineFeature()),
                clock.instant());
    }
}

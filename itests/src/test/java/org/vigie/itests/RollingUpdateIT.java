package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.vigie.api.AlertEvent;
import org.vigie.api.Quantity;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.CycleReport;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;

/**
 * Rolling updates as IT ops do them, under a steady ingest load and a forecast cycle every second: the CSV connector
 * is updated and rolled back, then the catchment bundle is updated with a changed definition and rolled back, each by
 * moving a jar into deploy/. Measured and reported: each swap's time, observations lost (must be 0), forecast cycles
 * missing the Loire's forecast (must be 0), alerts raised twice (must be 0).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RollingUpdateIT {
    private static final String STATION = "K435001010";
    private static final String POINT = "orleans-loire-H";
    private static final int ROWS_PER_FILE = 5;
    private static final Instant SERIES_START = Instant.now().minus(Duration.ofHours(40))
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("rolling-update");
        Files.writeString(home.resolve("config/org.vigie.core.forecast.config"),
                "cyclePeriodSeconds=L\"1\"\nfirstCycleDelaySeconds=L\"1\"\n");
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void pluginAndCatchmentUpdatesAndRollbacksUnderLoadLoseNothing() throws Exception {
        PluginRegistry registry = VigieDistribution.service(context, PluginRegistry.class);
        ForecastService cycles = VigieDistribution.service(context, ForecastService.class);
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        AlertStore alerts = VigieDistribution.service(context, AlertStore.class);
        CatchmentRegistry catchments = VigieDistribution.service(context, CatchmentRegistry.class);
        Path home = Path.of(context.getProperty("vigie.home"));
        Path inbox = Files.createDirectories(home.resolve("data/inbox"));
        Path deploy = home.resolve("deploy");
        Await.until("the Loire connector", Duration.ofSeconds(30), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().equals("csv:" + STATION)));

        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicInteger files = new AtomicInteger();
        CsvStream stream = new CsvStream(inbox, STATION, "rolling", SERIES_START, ROWS_PER_FILE,
                // rises to 1.60 m (above the 1.50 m yellow threshold, far below orange) and stays there
                n -> String.format(java.util.Locale.ROOT, "%.2f", 1.0 + Math.min(n, 60) * 0.01));
        Thread writer = new Thread(() -> {
            while (streaming.get()) {
                stream.write(files.getAndIncrement());
                CsvStream.sleep(50);
            }
        }, "itest-csv-stream");
        Map<Long, CycleReport> seen = new ConcurrentSkipListMap<>();
        Thread watcher = new Thread(() -> {
            while (streaming.get()) {
                cycles.lastCycle().ifPresent(r -> seen.putIfAbsent(r.number(), r));
                CsvStream.sleep(20);
            }
        }, "itest-cycle-watcher");
        writer.start();
        CycleReport first = Await.until("a first cycle forecasting the Loire", Duration.ofSeconds(30),
                () -> cycles.lastCycle().orElse(null), r -> r != null && r.produced().contains(POINT));
        watcher.start();
        Await.until("the Loire's yellow alert", Duration.ofSeconds(30), () -> raised(alerts), n -> n >= 1);

        Map<String, Long> swaps = new LinkedHashMap<>();
        Path connector = deploy.resolve("org.vigie.connector.csv.jar");
        byte[] connectorBefore = Files.readAllBytes(connector);
        String connectorOld = bundleVersion("org.vigie.connector.csv");
        String connectorNew = "0.1.0.rolling" + System.currentTimeMillis();
        swaps.put("connector update", swap(connector, jar -> VigieDistribution.rebuildWithVersion(connector, jar,
                connectorNew), () -> connectorVersion(registry).equals(connectorNew)));
        CsvStream.sleep(2000);
        swaps.put("connector rollback", swap(connector, jar -> Files.write(jar, connectorBefore),
                () -> connectorVersion(registry).equals(connectorOld)));
        CsvStream.sleep(2000);

        Path catchment = deploy.resolve("org.vigie.catchment.orleans.jar");
        byte[] catchmentBefore = Files.readAllBytes(catchment);
        String name = catchments.catchments().get(0).name();
        swaps.put("catchment update", swap(catchment, jar -> renamedCatchment(catchment, jar, "v2 " + name),
                () -> catchments.catchments().size() == 1
                        && catchments.catchments().get(0).name().equals("v2 " + name)));
        CsvStream.sleep(2000);
        swaps.put("catchment rollback", swap(catchment, jar -> Files.write(jar, catchmentBefore),
                () -> catchments.catchments().size() == 1 && catchments.catchments().get(0).name().equals(name)));
        CsvStream.sleep(2000);

        streaming.set(false);
        writer.join();
        watcher.join();
        Await.until("every streamed file processed", Duration.ofSeconds(60), () -> CsvStream.countCsv(inbox),
                n -> n == 0);
        long written = files.get() * (long) ROWS_PER_FILE;
        long stored = store.count(STATION, Quantity.H);
        List<CycleReport> after = seen.values().stream().filter(r -> r.number() > first.number()).toList();
        List<Long> missed = after.stream().filter(r -> !r.produced().contains(POINT)).map(CycleReport::number)
                .toList();
        long cyclesWatched = after.size();
        // a cycle that never ran leaves no gap in the numbers, but a gap in time: the longest pause between the
        // ends of two cycles (one a second) must stay short through every swap
        long longestPauseMillis = 0;
        for (int i = 1; i < after.size(); i++) {
            longestPauseMillis = Math.max(longestPauseMillis, Duration.between(after.get(i - 1).finished(),
                    after.get(i).finished()).toMillis());
        }
        System.out.printf("rolling update: swaps %s ms; %d observations streamed, %d stored, %d lost; %d cycles"
                        + " watched, %d without the Loire forecast, longest pause between cycles %d ms; Loire alerts"
                        + " raised %d%n", swaps, written, stored, written - stored, cyclesWatched, missed.size(),
                longestPauseMillis, raised(alerts));
        assertEquals("observations lost", 0, written - stored);
        assertEquals("cycles that missed the Loire forecast: " + missed, List.of(), missed);
        assertTrue("no cycle skipped: longest pause " + longestPauseMillis + " ms", longestPauseMillis <= 3000);
        assertEquals("the Loire's alert raised once, never again through the swaps", 1, raised(alerts));
        assertTrue("cycles ran throughout: " + cyclesWatched, cyclesWatched >= 8);
    }

    private interface JarWriter {
        void write(Path jar) throws IOException;
    }

    /** Moves a new jar over {@code deployed} as an operator does, and times it until {@code done}. */
    private static long swap(Path deployed, JarWriter newJar, BooleanSupplier done) throws IOException {
        // staged beside deploy/, on the same file system, so that FileInstall never sees a partial jar
        Path staged = Files.createDirectories(deployed.getParent().resolveSibling("staging"))
                .resolve(deployed.getFileName());
        newJar.write(staged);
        long start = System.nanoTime();
        Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Await.until("the swap of " + deployed.getFileName(), Duration.ofSeconds(30), done::getAsBoolean, ok -> ok);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void renamedCatchment(Path source, Path target, String newName) throws IOException {
        VigieDistribution.rebuild(source, target, "0.1.0.rolling" + System.currentTimeMillis(), "catchment.json",
                json -> json.replaceFirst("\"name\"\\s*:\\s*\"[^\"]*\"", "\"name\": \""
                        + newName.replace("\\", "\\\\") + "\""));
    }

    private String bundleVersion(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b.getVersion().toString();
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static String connectorVersion(PluginRegistry registry) {
        return registry.plugins().stream().filter(p -> p.id().equals("csv:" + STATION)).map(p -> p.bundleVersion())
                .findFirst().orElse("");
    }

    private static long raised(AlertStore alerts) {
        return alerts.events(1000).stream().filter(e -> e.stationCode().equals(STATION)
                && e.transition() == AlertEvent.Transition.RAISED).count();
    }
}

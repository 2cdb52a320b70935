package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.Forecast;
import org.vigie.api.Quantity;
import org.vigie.api.service.CycleReport;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.PluginInfo;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;

/**
 * While the CSV connector ingests a steady stream of files, a new build of the persistence model bundle is moved
 * into deploy/: the registry shows the new version, forecast cycles go on, and every observation is stored once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {

    private static final String STATION = "K435001010";
    private static final int ROWS_PER_FILE = 5;
    /** Recent enough to lie in the forecast point's 2-day history window; one value a minute. */
    private static final Instant SERIES_START = Instant.now().minus(Duration.ofHours(40))
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("hotswap");
        // one cycle a second, so that a swap falls between and during cycles
        Files.writeString(home.resolve("config/org.vigie.core.forecast.config"),
                "cyclePeriodSeconds=L\"1\"\nfirstCycleDelaySeconds=L\"1\"\n");
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        return VigieDistribution.service(context, type);
    }

    @Test
    public void aModelUpdateUnderIngestLoadLosesNothingAndCyclesGoOn() throws Exception {
        PluginRegistry registry = service(PluginRegistry.class);
        ForecastService cycles = service(ForecastService.class);
        SeriesStore store = service(SeriesStore.class);
        ForecastArchive archive = service(ForecastArchive.class);
        Path home = Path.of(context.getProperty("vigie.home"));
        Path inbox = home.resolve("data/inbox");
        Files.createDirectories(inbox);
        List<PluginInfo> before = Await.until("the model and the Loire connector", Duration.ofSeconds(30),
                registry::plugins, p -> p.stream().anyMatch(i -> i.id().equals("persistence"))
                        && p.stream().anyMatch(i -> i.id().equals("csv:" + STATION)));
        String oldVersion = modelVersions(before).first();

        // a steady stream: one file of 5 values every 50 ms
        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicInteger files = new AtomicInteger();
        CsvStream stream = new CsvStream(inbox, STATION, "stream", SERIES_START, ROWS_PER_FILE,
                n -> String.valueOf(1.0 + (n % 50) * 0.01));
        Thread writer = new Thread(() -> {
            while (streaming.get()) {
                stream.write(files.getAndIncrement());
                CsvStream.sleep(50);
            }
        }, "itest-csv-stream");
        Set<Long> cycleNumbers = new ConcurrentSkipListSet<>();
        List<String> cycleFailures = new ArrayList<>();
        Thread cycleWatcher = new Thread(() -> {
            while (streaming.get()) {
                cycles.lastCycle().ifPresent(report -> {
                    if (cycleNumbers.add(report.number())) {
                        synchronized (cycleFailures) {
                            report.failures().stream().filter(f -> f.startsWith("orleans-loire-H"))
                                    .forEach(cycleFailures::add);
                        }
                    }
                });
                CsvStream.sleep(20);
            }
        }, "itest-cycle-watcher");
        writer.start();
        // from the first Loire forecast on, every cycle must produce one
        Instant firstIssue = Await.until("a first Loire forecast", Duration.ofSeconds(30),
                () -> archive.latest("orleans-loire-H"), java.util.Optional::isPresent).get().issueTime();
        // the report of the cycle that made it is published when that cycle ends: cycles before it (without data
        // yet) are not the swap's concern
        CycleReport producing = Await.until("the report of the cycle that made it", Duration.ofSeconds(30),
                () -> cycles.lastCycle().orElse(null),
                report -> report != null && !report.issueTime().isBefore(firstIssue));
        for (long n = 1; n <= producing.number(); n++) {
            cycleNumbers.add(n);
        }
        cycleWatcher.start();
        CsvStream.sleep(2000);

        long cycleBeforeSwap = cycles.lastCycle().map(CycleReport::number).orElse(0L);
        String newVersion = "0.1.0.hotswap" + System.currentTimeMillis();
        Path deployed = home.resolve("deploy/org.vigie.model.persistence.jar");
        Path staged = home.resolve("deploy-staging.tmp");
        VigieDistribution.rebuildWithVersion(deployed, staged, newVersion);
        long swapStart = System.nanoTime();
        Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Await.until("the registry to show model version " + newVersion, Duration.ofSeconds(30), registry::plugins,
                p -> modelVersions(p).equals(new TreeSet<>(Set.of(newVersion))));
        long swapMillis = (System.nanoTime() - swapStart) / 1_000_000;

        CsvStream.sleep(4000);
        streaming.set(false);
        writer.join();
        cycleWatcher.join();
        int written = files.get();
        Await.until("every streamed file to be processed", Duration.ofSeconds(60),
                () -> CsvStream.countCsv(inbox), remaining -> remaining == 0);

        long stored = store.count(STATION, Quantity.H);
        Forecast latest = Await.until("a forecast by the new model build", Duration.ofSeconds(20),
                () -> archive.latest("orleans-loire-H").orElseThrow(), f -> f.modelVersion().equals(newVersion));
        long cyclesAfterSwap = cycleNumbers.stream().filter(n -> n > cycleBeforeSwap).count();

        System.out.printf("hot swap: %d files (%d observations) streamed; model %s -> %s registered in %d ms; "
                        + "%d observations stored; %d cycles after the swap; loire failures %s%n",
                written, written * ROWS_PER_FILE, oldVersion, newVersion, swapMillis, stored, cyclesAfterSwap,
                cycleFailures);
        assertNotEquals(oldVersion, newVersion);
        assertEquals("every streamed observation stored exactly once", written * (long) ROWS_PER_FILE, stored);
        assertEquals(written, CsvStream.countCsv(inbox.resolve("processed")));
        assertTrue("forecast cycles continued after the swap: " + cyclesAfterSwap, cyclesAfterSwap >= 3);
        assertEquals("no Loire forecast missed", List.of(), cycleFailures);
        assertEquals(STATION, latest.stationCode());
    }

    private static TreeSet<String> modelVersions(List<PluginInfo> plugins) {
        TreeSet<String> versions = new TreeSet<>();
        plugins.stream().filter(p -> p.id().equals("persistence")).forEach(p -> versions.add(p.bundleVersion()));
        return versions;
    }
}

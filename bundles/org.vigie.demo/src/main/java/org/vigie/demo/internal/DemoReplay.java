package org.vigie.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Quantity;
import org.vigie.api.service.CycleReport;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.SeriesStore;

/**
 * Replays the synthetic demo event when the platform is started with {@code -Dvigie.demo=true}
 * ({@code bin/vigie run --demo}): drops its CSV files one by one into the CSV connectors' folder, exactly as an
 * export would arrive, waits until the store holds the last values, then asks for a forecast cycle.
 */
@Component(immediate = true)
public class DemoReplay {

    private static final Logger LOG = LoggerFactory.getLogger(DemoReplay.class);
    private static final int HOURS_PER_FILE = 6;

    private final SeriesStore store;
    private final ForecastService forecasts;
    private final Thread replay;

    @Activate
    public DemoReplay(@Reference SeriesStore store, @Reference ForecastService forecasts, BundleContext context) {
        this.store = store;
        this.forecasts = forecasts;
        if (!Boolean.parseBoolean(context.getProperty("vigie.demo"))) {
            replay = null;
            return;
        }
        String home = context.getProperty("vigie.home");
        Path base = Path.of(home == null ? "" : home).toAbsolutePath();
        String folder = context.getProperty("vigie.demo.folder");
        Path inbox = base.resolve(folder == null ? "data/inbox" : folder);
        long paceMillis = Long.parseLong(valueOr(context.getProperty("vigie.demo.paceMillis"), "150"));
        replay = new Thread(() -> replay(inbox, paceMillis), "vigie-demo-replay");
        replay.setDaemon(true);
        replay.start();
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (replay != null) {
            replay.interrupt();
            replay.join(5000);
        }
    }

    private void replay(Path inbox, long paceMillis) {
        Instant end = Clock.systemUTC().instant();
        Map<String, String> files = DemoEventGenerator.files(end, HOURS_PER_FILE);
        LOG.info("demo: replaying a SYNTHETIC {}-hour flood event ({} CSV files) into {}",
                DemoEventGenerator.HOURS, files.size(), inbox);
        try {
            Files.createDirectories(inbox);
            for (Map.Entry<String, String> file : files.entrySet()) {
                // written aside then renamed: the connector never sees a half-written file
                Path partial = inbox.resolve(file.getKey() + ".part");
                Files.writeString(partial, file.getValue(), StandardCharsets.UTF_8);
                Files.move(partial, inbox.resolve(file.getKey()), StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(paceMillis);
            }
            Instant lastValue = end.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            long deadline = System.currentTimeMillis() + 60_000;
            while (!allArrived(lastValue)) {
                if (System.currentTimeMillis() > deadline) {
                    LOG.error("demo: the replayed observations did not all reach the store within 60 s — is a CSV "
                            + "connector configured for each demo station (config/org.vigie.connector.csv-*.config)?");
                    return;
                }
                Thread.sleep(200);
            }
            CycleReport cycle = forecasts.runCycle();
            LOG.info("demo: event replayed; forecast cycle {} produced {} forecasts {}", cycle.number(),
                    cycle.produced().size(), cycle.failures().isEmpty() ? "" : "and failures " + cycle.failures());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("demo: cannot write into {}: {}", inbox, e.toString());
        }
    }

    private boolean allArrived(Instant lastValue) {
        return DemoEventGenerator.stations().stream().allMatch(code -> store.latest(code, Quantity.H)
                .map(o -> !o.time().isBefore(lastValue)).orElse(false));
    }
}

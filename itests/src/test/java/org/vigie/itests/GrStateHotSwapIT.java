package org.vigie.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

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
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.ModelStateStore;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.spi.ModelState;

/**
 * A GR4H forecast point fed by a CSV connector: after the GR model bundle is replaced by a new build, the next
 * cycle continues from the state kept in the store, not from a cold start.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GrStateHotSwapIT {

    private static final String STATION = "ITESTGR01";
    private static final String POINT = "itest-gr4h-Q";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("grstate");
        // cycles only on demand in this test
        Files.writeString(home.resolve("config/org.vigie.core.forecast.config"),
                "cyclePeriodSeconds=L\"86400\"\nfirstCycleDelaySeconds=L\"86400\"\n");
        Files.writeString(home.resolve("config/org.vigie.connector.csv-" + STATION + ".config"),
                "stationCode=\"" + STATION + "\"\n");
        String catchment = "{\"id\":\"itest\",\"name\":\"test catchment\",\"stations\":[{\"code\":\"" + STATION
                + "\",\"name\":\"test gauge\",\"longitude\":1.9,\"latitude\":47.9}],\"forecastPoints\":[{\"id\":\""
                + POINT + "\",\"station\":\"" + STATION + "\",\"quantity\":\"Q\",\"model\":\"gr4h\",\"step\":\"PT1H\","
                + "\"horizonSteps\":12,\"history\":\"P5D\",\"parameters\":{\"X1\":756.93,\"X2\":-0.773,"
                + "\"X3\":138.638,\"X4\":5.247,\"areaKm2\":120},\"inputs\":{\"P\":{\"station\":\"" + STATION
                + "\",\"quantity\":\"P\"},\"E\":{\"station\":\"" + STATION + "\",\"quantity\":\"E\"}}}]}";
        VigieDistribution.writeCatchmentBundle(home.resolve("deploy/org.vigie.catchment.itest.jar"),
                "org.vigie.catchment.itest", catchment);
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void aModelUpdateContinuesFromTheStoredState() throws Exception {
        ForecastService cycles = VigieDistribution.service(context, ForecastService.class);
        ForecastArchive archive = VigieDistribution.service(context, ForecastArchive.class);
        ModelStateStore states = VigieDistribution.service(context, ModelStateStore.class);
        PluginRegistry registry = VigieDistribution.service(context, PluginRegistry.class);
        Await.until("gr4h and the test connector", Duration.ofSeconds(30), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().equals("gr4h"))
                        && p.stream().anyMatch(i -> i.id().equals("csv:" + STATION)));
        // the three cycles below must fall in the same hour: the model's state then stays at that hour
        Instant now = Instant.now();
        long secondsLeft = 3600 - now.getEpochSecond() % 3600;
        if (secondsLeft < 90) {
            Thread.sleep((secondsLeft + 2) * 1000);
        }
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        writeForcings(Path.of(context.getProperty("vigie.home")).resolve("data/inbox"), hour);
        Await.until("the forcings stored and a first forecast", Duration.ofSeconds(30),
                () -> { cycles.runCycle(); return archive.latest(POINT); }, f -> f.isPresent());

        Forecast cold = archive.latest(POINT).orElseThrow();
        ModelState coldState = states.load(POINT, "gr4h").orElseThrow();
        assertEquals(hour, coldState.validAt());
        // a state no cold start can produce: every store and hydrograph content halved
        Map<String, double[]> halved = new LinkedHashMap<>();
        coldState.variables().forEach((name, values) -> halved.put(name,
                Arrays.stream(values).map(v -> v / 2).toArray()));
        states.save(POINT, new ModelState("gr4h", coldState.formatVersion(), coldState.validAt(), halved));
        Thread.sleep(1000); // the next forecast needs another issue second to be archived as a new run
        cycles.runCycle();
        Forecast resumed = archive.latest(POINT).orElseThrow();
        assertFalse("the halved state changes the forecast", Arrays.equals(cold.values(), resumed.values()));

        String newVersion = "0.1.0.grswap" + System.currentTimeMillis();
        Path deployed = Path.of(context.getProperty("vigie.home")).resolve("deploy/org.vigie.model.gr.jar");
        Path staged = deployed.resolveSibling("gr-staging.tmp");
        VigieDistribution.rebuildWithVersion(deployed, staged, newVersion);
        Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Await.until("gr4h " + newVersion + " registered", Duration.ofSeconds(30), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().equals("gr4h") && i.bundleVersion().equals(newVersion))
                        && p.stream().noneMatch(i -> i.id().equals("gr4h") && !i.bundleVersion().equals(newVersion)));
        Thread.sleep(1000);
        cycles.runCycle();
        Forecast afterSwap = archive.latest(POINT).orElseThrow();
        assertEquals(newVersion, afterSwap.modelVersion());
        assertTrue(afterSwap.issueTime().isAfter(resumed.issueTime()));
        assertArrayEquals("the new build continued from the stored state", resumed.values(), afterSwap.values(), 0.0);
        System.out.printf("GR state across a model swap: cold peak %.3f m3/s, resumed-from-stored-state peak %.3f, "
                + "after swap %.3f (model %s)%n", cold.peak().value(), resumed.peak().value(),
                afterSwap.peak().value(), newVersion);
    }

    /** Five days of hourly rain and PET up to the current hour, with a shower on the last day. */
    private static void writeForcings(Path inbox, Instant lastHour) throws IOException {
        Files.createDirectories(inbox);
        StringBuilder csv = new StringBuilder("time,P,E\n");
        for (int h = 5 * 24 - 1; h >= 0; h--) {
            Instant t = lastHour.minus(Duration.ofHours(h));
            double rain = h < 20 && h > 8 ? 3.0 : 0.0;
            double pet = 0.05 + 0.05 * Math.sin((t.getEpochSecond() / 3600 % 24 - 6) * Math.PI / 12);
            csv.append(t).append(',').append(rain).append(',').append(Math.max(0, pet)).append('\n');
        }
        Path partial = inbox.resolve(STATION + "_forcings.csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(STATION + "_forcings.csv"), StandardCopyOption.ATOMIC_MOVE);
    }
}

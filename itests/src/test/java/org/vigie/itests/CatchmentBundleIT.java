package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.AlertEvent;
import org.vigie.api.Quantity;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.CycleReport;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.SeriesStore;

/**
 * A second catchment made live by dropping its bundle into deploy/ (the Cance example shipped in examples/): its
 * station ingests, its forecast point runs, its thresholds raise alerts; an invalid version is refused and changes
 * nothing; removing the jar retires it and keeps its history.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatchmentBundleIT {
    private static final String SARRAS = "V3524010";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("catchment-bundle");
        Files.writeString(home.resolve("config/org.vigie.connector.csv-" + SARRAS + ".config"),
                "stationCode=\"" + SARRAS + "\"\n");
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void aDroppedCatchmentGoesLiveAnInvalidUpdateChangesNothingAndRemovalKeepsHistory() throws Exception {
        Path home = Path.of(context.getProperty("vigie.home"));
        CatchmentRegistry catchments = VigieDistribution.service(context, CatchmentRegistry.class);
        Path example = home.resolve("examples/org.vigie.catchment.cance.jar");
        assertTrue("the distribution ships the example in examples/", Files.isRegularFile(example));
        Path deployed = home.resolve("deploy/org.vigie.catchment.cance.jar");
        drop(example, deployed);
        Await.until("the Cance catchment live", Duration.ofSeconds(30), () -> ids(catchments),
                ids -> ids.contains("cance"));

        // three days of hourly discharge rising through the 80 m³/s yellow threshold, with rain and PET
        Path inbox = Files.createDirectories(home.resolve("data/inbox"));
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        StringBuilder csv = new StringBuilder("time,Q,P,E\n");
        for (int h = 71; h >= 0; h--) {
            double q = 5 + 95 * Math.pow((71 - h) / 71.0, 3);
            csv.append(end.minus(Duration.ofHours(h))).append(String.format(Locale.ROOT, ",%.2f,%.1f,0.05%n", q,
                    h < 30 && h > 10 ? 6.0 : 0.0));
        }
        Path partial = inbox.resolve(SARRAS + "_event.csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(SARRAS + "_event.csv"), StandardCopyOption.ATOMIC_MOVE);
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        Await.until("72 discharges at Sarras", Duration.ofSeconds(30), () -> store.count(SARRAS, Quantity.Q),
                n -> n == 72);

        CycleReport cycle = VigieDistribution.service(context, ForecastService.class).runCycle();
        assertTrue(cycle.toString(), cycle.produced().contains("sarras-cance-Q"));
        ForecastArchive forecasts = VigieDistribution.service(context, ForecastArchive.class);
        assertEquals(24, forecasts.latest("sarras-cance-Q").orElseThrow().size());
        AlertStore alerts = VigieDistribution.service(context, AlertStore.class);
        AlertEvent raised = Await.until("the Sarras alert", Duration.ofSeconds(30), () -> alerts.events(50).stream()
                .filter(e -> e.stationCode().equals(SARRAS)).findFirst().orElse(null), e -> e != null);
        assertEquals(AlertEvent.Transition.RAISED, raised.transition());

        // an update whose definition is invalid is refused and keeps the running one
        Path invalid = home.resolve("invalid-cance.jar");
        VigieDistribution.writeCatchmentBundle(invalid, "org.vigie.catchment.cance", "{\"id\": \"cance\","
                + " \"stations\": [], \"thresholds\": [{\"station\": \"NOWHERE\", \"quantity\": \"Q\","
                + " \"level\": \"RED\", \"value\": 1}], \"forecastPoints\": []}");
        drop(invalid, deployed);
        Await.until("the invalid version installed", Duration.ofSeconds(20), () -> bundleVersion(
                "org.vigie.catchment.cance"), "1.0.0"::equals);
        // had the old definition been dropped for it, it would be retired by now
        Thread.sleep(2 * 5000);
        assertTrue("still live with its previous definition", ids(catchments).contains("cance"));
        assertEquals(2, catchments.forecastPoints().stream().filter(p -> p.id().contains("cance")).count());

        // a new version under another file name, as `mvn package` names jars: the catchment never goes missing
        Path renamed = home.resolve("deploy/org.vigie.catchment.cance-1.1.jar");
        Path staged = home.resolve("cance-1.1.jar");
        VigieDistribution.rebuildWithVersion(example, staged, "1.1.0");
        Files.delete(deployed);
        drop(staged, renamed);
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < until) {
            assertTrue("the catchment stays in service while its jar is replaced", ids(catchments).contains("cance"));
            Thread.sleep(100);
        }
        assertEquals("1.1.0", bundleVersion("org.vigie.catchment.cance"));

        // removal retires it (after the grace an update would use) and keeps the stored history
        Files.delete(renamed);
        Await.until("the Cance catchment retired", Duration.ofSeconds(20), () -> ids(catchments),
                ids -> !ids.contains("cance"));
        assertEquals(List.of("orleans"), ids(catchments));
        assertEquals("history kept", 72, store.count(SARRAS, Quantity.Q));
    }

    private String bundleVersion(String symbolicName) {
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b.getVersion().toString();
            }
        }
        return "";
    }

    private static void drop(Path jar, Path deployed) throws IOException {
        // staged beside deploy/, on the same file system, so that FileInstall never sees a partial jar
        Path staged = Files.createDirectories(deployed.getParent().resolveSibling("staging"))
                .resolve(deployed.getFileName());
        Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> ids(CatchmentRegistry catchments) {
        return catchments.catchments().stream().map(c -> c.id()).toList();
    }
}

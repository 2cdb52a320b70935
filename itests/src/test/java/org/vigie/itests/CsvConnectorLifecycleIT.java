package org.vigie.itests;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.PluginInfo;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;

/**
 * The CSV connector at run time: a station added by dropping its configuration (with its own column layout), the
 * bundle updated and removed while files keep arriving — none lost — and the station retired with its
 * configuration, its history kept.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CsvConnectorLifecycleIT {

    private static final String STATION = "K4470010";
    private static final String ID = "csv:" + STATION;
    private static final Instant T0 = Instant.parse("2024-12-11T00:00:00Z");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return VigieDistribution.options(VigieDistribution.freshCopy("csv-lifecycle"), VigieDistribution.freePort());
    }

    @Test
    public void aStationIsAddedTheBundleUpdatedAndRemovedAndTheStationRetiredWithoutLosingAValue() throws Exception {
        Path home = Path.of(context.getProperty("vigie.home"));
        Path inbox = Files.createDirectories(home.resolve("data/inbox"));
        Path config = home.resolve("config/org.vigie.connector.csv-" + STATION + ".config");
        PluginRegistry registry = VigieDistribution.service(context, PluginRegistry.class);
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);

        Files.writeString(config, "stationCode=\"" + STATION + "\"\nfolder=\"data/inbox\"\n"
                // FileInstall reads .config files as ISO-8859-1: other characters are written as \\u escapes
                + "columns=[\"Date (TU)=time\",\"Valeur (en m\\u00b3/s)=Q\",\"Hauteur (cm)=H:cm\"]\n",
                StandardCharsets.ISO_8859_1);
        Await.until("the new station's connector up", Duration.ofSeconds(20), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().equals(ID) && i.health().status() == Health.Status.UP));
        drop(inbox, 0);
        awaitStored(store, 2);
        List<Observation> first = store.read(STATION, Quantity.H, T0, T0.plusSeconds(1));
        assertEquals("cm converted to m", 1.25, first.get(0).value(), 1e-12);

        Path jar = home.resolve("deploy/org.vigie.connector.csv.jar");
        String newVersion = "0.1.0.update" + System.currentTimeMillis();
        Path staged = home.resolve("csv-staged.tmp");
        VigieDistribution.rebuildWithVersion(jar, staged, newVersion);
        Files.move(staged, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        drop(inbox, 1);
        PluginInfo updated = Await.until("the connector on the new build", Duration.ofSeconds(30),
                () -> registry.plugins().stream().filter(i -> i.id().equals(ID)).findFirst(),
                p -> p.isPresent() && p.get().bundleVersion().equals(newVersion)).orElseThrow();
        assertEquals(Health.Status.UP, updated.health().status());
        awaitStored(store, 4);

        Path aside = home.resolve("csv-aside.jar");
        Files.move(jar, aside, StandardCopyOption.ATOMIC_MOVE);
        Await.until("every CSV connector gone with the bundle", Duration.ofSeconds(20), registry::plugins,
                p -> p.stream().noneMatch(i -> i.id().startsWith("csv:")));
        drop(inbox, 2);
        Thread.sleep(1500);
        assertEquals("nothing read while the bundle is away, the file waits", 4, count(store));
        Files.move(aside, jar, StandardCopyOption.ATOMIC_MOVE);
        awaitStored(store, 6);

        Files.delete(config);
        Await.until("the station retired with its configuration", Duration.ofSeconds(20), registry::plugins,
                p -> p.stream().noneMatch(i -> i.id().equals(ID)) && p.stream().anyMatch(i -> i.id().startsWith("csv:")));
        assertEquals("history kept", 6, count(store));
    }

    /** A file of one hour, in the station's own layout, written aside and renamed as a sender should. */
    private static void drop(Path inbox, int hour) throws Exception {
        String csv = "\"Date (TU)\",\"Valeur (en m³/s)\",\"Statut\",\"Hauteur (cm)\"\n"
                + T0.plusSeconds(3600L * hour) + ",\"" + (137 + hour) + "\",\"16\"," + (125 + hour) + "\n";
        Path partial = inbox.resolve(STATION + "_" + hour + ".csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(STATION + "_" + hour + ".csv"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static long count(SeriesStore store) {
        return store.count(STATION, Quantity.Q) + store.count(STATION, Quantity.H);
    }

    private static void awaitStored(SeriesStore store, long expected) throws Exception {
        Await.until(expected + " values stored", Duration.ofSeconds(30), () -> count(store), n -> n == expected);
    }
}

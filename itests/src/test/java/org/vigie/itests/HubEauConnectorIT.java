package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.inject.Inject;

import com.sun.net.httpserver.HttpServer;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.PluginInfo;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;

/**
 * The Hub'Eau connector in the platform, against recorded Hub'Eau responses served by a real local HTTP server: a
 * station configuration dropped into config/ starts ingesting (units converted at the border), removing it retires
 * the connector, and removing or restoring the bundle in deploy/ takes the connector away and back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HubEauConnectorIT {

    private static final String STATION = "K447001001";
    private static final Path FIXTURES = Path.of("../../shared/data/hubeau-hydrometrie-fixtures-loire-blois");
    private static HttpServer server;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("hubeau");
        if (Files.isDirectory(FIXTURES)) {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v2/hydrometrie/observations_tr", exchange -> {
                String quantity = exchange.getRequestURI().getQuery().contains("grandeur_hydro=H") ? "H" : "Q";
                // one recorded page per quantity; its "next" link would point at the real service
                byte[] body = Files.readString(FIXTURES.resolve("observations_tr_" + STATION + "_" + quantity
                        + "_2026-09-13.json")).replaceAll("\"next\":\"[^\"]*\"", "\"next\":null")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/api/v2/hydrometrie/obs_elab", exchange -> {
                // the recorded daily means (QmnJ, l/s) of August 2026; one page
                byte[] body = Files.readString(FIXTURES.resolve("obs_elab_" + STATION
                        + "_depuis_2026-08-01_2026-09-13.json")).replaceAll("\"next\":\"[^\"]*\"", "\"next\":null")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            Files.writeString(home.resolve("config/org.vigie.connector.hubeau-" + STATION + ".config"),
                    "stationCode=\"" + STATION + "\"\nbaseUrl=\"http://127.0.0.1:" + server.getAddress().getPort()
                            + "/api/v2/hydrometrie\"\nlookbackHours=I\"100000\"\npollIntervalSeconds=L\"2\"\n");
        }
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void aStationConfigurationIngestsAndTheConnectorComesAndGoesWithItsConfigAndBundle() throws Exception {
        Path home = Path.of(context.getProperty("vigie.home"));
        assumeTrue("skipped: Hub'Eau fixtures not found at " + FIXTURES.toAbsolutePath(),
                Files.exists(home.resolve("config/org.vigie.connector.hubeau-" + STATION + ".config")));
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        PluginRegistry registry = VigieDistribution.service(context, PluginRegistry.class);
        String id = "hubeau:" + STATION;

        Await.until("the recorded H and Q values and the 3 daily means stored", Duration.ofSeconds(60),
                () -> store.count(STATION, Quantity.Q) + store.count(STATION, Quantity.H), n -> n == 6);
        List<Observation> daily = store.read(STATION, Quantity.Q, Instant.parse("2026-08-01T00:00:00Z"),
                Instant.parse("2026-08-04T00:00:00Z"));
        assertEquals("daily means back-filled in m3/s", List.of(48.524, 48.404, 48.233),
                daily.stream().map(Observation::value).toList());
        assertEquals("hubeau:QmnJ", daily.get(0).provenance().source());
        List<Observation> level = store.read(STATION, Quantity.H, Instant.parse("2026-08-01T00:00:00Z"),
                Instant.parse("2026-09-01T00:00:00Z"));
        assertEquals("H arrives in mm and is stored in m", -1.232, level.get(0).value(), 1e-12);
        Observation discharge = store.latest(STATION, Quantity.Q).orElseThrow();
        assertEquals("Q arrives in l/s and is stored in m3/s", 47.8, discharge.value(), 1e-12);
        assertEquals("hubeau", discharge.provenance().source());
        PluginInfo connector = Await.until("the connector healthy in the registry", Duration.ofSeconds(20),
                () -> registry.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow(),
                p -> p.health().status() == org.vigie.api.Health.Status.UP);
        assertEquals("org.vigie.connector.hubeau", connector.bundle());

        Path jar = home.resolve("deploy/org.vigie.connector.hubeau.jar");
        Path aside = home.resolve("hubeau-aside.jar");
        Files.move(jar, aside, StandardCopyOption.ATOMIC_MOVE);
        Await.until("the connector gone with its bundle", Duration.ofSeconds(20), registry::plugins,
                p -> p.stream().noneMatch(i -> i.id().equals(id)));
        Files.move(aside, jar, StandardCopyOption.ATOMIC_MOVE);
        Await.until("the connector back with its bundle", Duration.ofSeconds(20), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().equals(id)));

        String newVersion = "0.1.0.update" + System.currentTimeMillis();
        Path staged = home.resolve("hubeau-staged.tmp");
        VigieDistribution.rebuildWithVersion(jar, staged, newVersion);
        Files.move(staged, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Await.until("the connector updated to " + newVersion + " and healthy", Duration.ofSeconds(30),
                registry::plugins, p -> p.stream().anyMatch(i -> i.id().equals(id) && i.bundleVersion().equals(newVersion)
                        && i.health().status() == org.vigie.api.Health.Status.UP));

        Files.delete(home.resolve("config/org.vigie.connector.hubeau-" + STATION + ".config"));
        Await.until("the connector retired with its configuration", Duration.ofSeconds(20), registry::plugins,
                p -> p.stream().noneMatch(i -> i.id().equals(id)));
        assertEquals("history kept", 6, store.count(STATION, Quantity.Q) + store.count(STATION, Quantity.H));
    }
}

package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.PluginInfo;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;

/**
 * The shipped distribution boots, every bundle is active, the plug-ins are in the registry and the REST API,
 * and a CSV with malformed lines loses none of its good rows.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistributionIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        Path home = VigieDistribution.freshCopy("distribution");
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        return VigieDistribution.service(context, type);
    }

    private List<PluginInfo> awaitThreePlugins() throws InterruptedException {
        PluginRegistry registry = service(PluginRegistry.class);
        return Await.until("the connector, model and channel in the registry", Duration.ofSeconds(30),
                registry::plugins, plugins -> plugins.stream().map(PluginInfo::id).toList()
                        .containsAll(List.of("csv:K435001010", "csv:K437311001", "csv:K439000101", "persistence",
                                "log")));
    }

    @Test
    public void everyBundleOfTheDistributionIsActive() throws Exception {
        awaitThreePlugins();
        List<String> notActive = new ArrayList<>();
        int vigieBundles = 0;
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
            if (b.getSymbolicName().startsWith("org.vigie.")) {
                vigieBundles++;
            }
        }
        assertEquals("bundles not active: " + notActive, List.of(), notActive);
        assertEquals("api, h2gis, store.h2, core, web, gis, dashboard + csv, hubeau, sandre, mqtt, persistence, gr, grp, muskingum, arx, external, calibration, qc, log, email, webhook, sms, catchment, demo", 25, vigieBundles);
    }

    @Test
    public void theRegistryViewAndTheRestApiListThePluginsWithTheirBundleVersions() throws Exception {
        List<PluginInfo> plugins = awaitThreePlugins();
        PluginInfo model = plugins.stream().filter(p -> p.id().equals("persistence")).findFirst().orElseThrow();
        assertEquals(PluginInfo.Kind.MODEL, model.kind());
        assertEquals("org.vigie.model.persistence", model.bundle());
        Bundle modelBundle = context.getBundle(model.bundleId());
        assertEquals(modelBundle.getVersion().toString(), model.bundleVersion());

        String port = context.getProperty("org.osgi.service.http.port");
        HttpURLConnection http = (HttpURLConnection) new URL("http://localhost:" + port + "/api/registry")
                .openConnection();
        assertEquals(200, http.getResponseCode());
        String json;
        try (InputStream in = http.getInputStream()) {
            json = VigieDistribution.read(in);
        }
        for (String expected : List.of("\"csv:K435001010\"", "\"persistence\"", "\"log\"", "\"CONNECTOR\"",
                "\"MODEL\"", "\"CHANNEL\"", "\"" + model.bundleVersion() + "\"", "\"orleans\"")) {
            assertTrue(expected + " in " + json, json.contains(expected));
        }
        HttpURLConnection unknown = (HttpURLConnection) new URL("http://localhost:" + port
                + "/api/stations/NOPE/series").openConnection();
        assertEquals(404, unknown.getResponseCode());
    }

    @Test
    public void aDepartingPlugInLeavesTheRegistryAndComesBackWithItsBundle() throws Exception {
        awaitThreePlugins();
        PluginRegistry registry = service(PluginRegistry.class);
        CatchmentRegistry catchments = service(CatchmentRegistry.class);
        Bundle channel = bundle("org.vigie.alert.log");
        Bundle catchment = bundle("org.vigie.catchment.orleans");
        channel.stop();
        catchment.stop();
        try {
            assertTrue(registry.plugins().stream().noneMatch(p -> p.id().equals("log")));
            // a stopped catchment stays in service a few seconds, in case an update brings it back at once
            assertEquals(List.of("orleans"), catchments.catchments().stream().map(c -> c.id()).toList());
            Await.until("the catchment retired", Duration.ofSeconds(15), catchments::catchments, List::isEmpty);
        } finally {
            channel.start();
            catchment.start();
        }
        Await.until("the log channel back", Duration.ofSeconds(10), registry::plugins,
                p -> p.stream().anyMatch(i -> i.id().equals("log")));
        assertEquals(List.of("orleans"), catchments.catchments().stream().map(c -> c.id()).toList());
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    @Test
    public void aCsvWithMalformedLinesKeepsEveryGoodRowAndReportsEachBadLine() throws Exception {
        awaitThreePlugins();
        SeriesStore store = service(SeriesStore.class);
        Path inbox = Path.of(context.getProperty("vigie.home")).resolve("data/inbox");
        Files.createDirectories(inbox);
        String csv = String.join("\n",
                "time,H",
                "2024-10-18T06:00:00Z,0.81",
                "2024-10-18T07:00:00Z,zero point nine",
                "2024-10-18T08:00:00Z,0.95",
                "yesterday,1.0",
                "2024-10-18T09:00:00Z,1.02",
                "");
        Path partial = inbox.resolve("K439000101_mixed.csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve("K439000101_mixed.csv"), StandardCopyOption.ATOMIC_MOVE);

        Path report = inbox.resolve("rejected/K439000101_mixed.csv.errors.txt");
        Await.until("the error report " + report, Duration.ofSeconds(20), () -> Files.exists(report), ok -> ok);
        String text = Files.readString(report);
        assertTrue(text, text.contains("line 3"));
        assertTrue(text, text.contains("line 5"));
        assertTrue(text, !text.contains("line 2:") && !text.contains("line 4:") && !text.contains("line 6:"));
        assertTrue(Files.exists(inbox.resolve("rejected/K439000101_mixed.csv")));

        List<Observation> stored = store.read("K439000101", Quantity.H, Instant.parse("2024-10-18T00:00:00Z"),
                Instant.parse("2024-10-19T00:00:00Z"));
        assertEquals(List.of(0.81, 0.95, 1.02), stored.stream().map(Observation::value).toList());
        assertEquals("K439000101_mixed.csv:2", stored.get(0).provenance().reference());
    }
}

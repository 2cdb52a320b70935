package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.Quantity;
import org.vigie.api.service.SeriesStore;

/**
 * What the people who run Vigie use: {@code /health} a monitor can read by its status, {@code /metrics} in the
 * Prometheus format, the Gogo shell commands, and write endpoints closed without credentials.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OperationsIT {
    private static final String LOIRE = "K435001010";
    /** One Prometheus text-format line: a comment, or a sample with optional labels and a number. */
    private static final Pattern PROMETHEUS_LINE = Pattern.compile("# (HELP|TYPE) [a-z_]+ .+|[a-z_]+"
            + "(\\{([a-z_]+=\"([^\"\\\\]|\\\\.)*\",?)*\\})? -?[0-9.eE+-]+");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return VigieDistribution.options(VigieDistribution.freshCopy("operations"), VigieDistribution.freePort());
    }

    private String base() {
        return "http://localhost:" + context.getProperty("org.osgi.service.http.port");
    }

    @Test
    public void healthMetricsShellAndClosedWrites() throws Exception {
        Path home = Path.of(context.getProperty("vigie.home"));
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        StringBuilder csv = new StringBuilder("time,H\n");
        for (int h = 47; h >= 0; h--) {
            csv.append(end.minus(Duration.ofHours(h))).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", 1.0 + 0.01 * (47 - h))).append('\n');
        }
        Path file = Files.writeString(home.resolve(LOIRE + "_ops.csv"), csv);

        CommandProcessor processor = VigieDistribution.service(context, CommandProcessor.class);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CommandSession shell = processor.createSession(new ByteArrayInputStream(new byte[0]),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                // not System.err: Gogo replaces it by a stream that writes to the session's
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String handed = String.valueOf(shell.execute("vigie:ingest " + file));
        assertTrue(handed, handed.contains("data/inbox"));
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        Await.until("48 Loire levels ingested from the shell", Duration.ofSeconds(30),
                () -> store.count(LOIRE, Quantity.H), n -> n == 48);
        String cycle = String.valueOf(shell.execute("vigie:cycle"));
        assertTrue(cycle, cycle.matches("(?s)cycle \\d+ issued .*orleans-loire-H.*"));
        String stations = String.valueOf(shell.execute("vigie:stations"));
        assertTrue(stations, stations.contains(LOIRE) && stations.contains("1.470"));
        String plugins = String.valueOf(shell.execute("vigie:plugins"));
        assertTrue(plugins, plugins.contains("persistence") && plugins.contains("csv:" + LOIRE));
        String exported = String.valueOf(shell.execute("vigie:export " + home.resolve("exports") + " gpkg 2154"));
        assertTrue(exported, Files.size(Path.of(exported.substring(0, exported.indexOf(" (")))) > 0);
        assertTrue(String.valueOf(shell.execute("vigie:layers")).contains("impacted-stakes"));
        Path backup = home.resolve("backups/vigie-ops.zip");
        String saved = String.valueOf(shell.execute("vigie:backup " + backup));
        assertTrue(saved, saved.startsWith(backup.toString()));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(backup.toFile())) {
            assertTrue("the database file is in the backup", zip.stream()
                    .anyMatch(e -> e.getName().endsWith("vigie.mv.db") && e.getSize() > 0));
        }
        shell.close();

        JsonNode health = get("/health", 200);
        assertEquals("the two other demo stations have no data: " + health, "DEGRADED",
                health.get("status").asText());
        assertEquals("UP", health.get("store").get("status").asText());
        assertEquals("the Loire is forecast, the other points have no data: " + health.get("forecastCycles"),
                "DEGRADED", health.get("forecastCycles").get("status").asText());
        assertTrue(health.get("forecastCycles").get("failures").toString().contains("sandillon-dhuy-H"));
        assertEquals("UP", health.get("stations").get(LOIRE).get("status").asText());
        assertEquals("DEGRADED", health.get("stations").get("K439000101").get("status").asText());
        get("/health?failOn=degraded", 503);

        String metrics = text("/metrics");
        assertTrue(metrics, metrics.contains("vigie_observations_stored{station=\"" + LOIRE + "\",quantity=\"H\"} 48"));
        assertTrue(metrics, metrics.contains("vigie_forecast_points 4"));
        assertTrue(metrics, metrics.contains("vigie_plugin_up{id=\"persistence\",kind=\"model\""));
        for (String line : metrics.split("\n")) {
            assertTrue("not Prometheus text: " + line, PROMETHEUS_LINE.matcher(line).matches());
        }

        HttpURLConnection anonymous = (HttpURLConnection) new URL(base() + "/api/forecast-points/orleans-loire-H"
                + "/calibration?from=2026-01-01&to=2026-02-01").openConnection();
        anonymous.setRequestMethod("POST");
        assertEquals(401, anonymous.getResponseCode());
        HttpURLConnection wrongToken = (HttpURLConnection) new URL(base() + "/api/alerts/x/acknowledge")
                .openConnection();
        wrongToken.setRequestMethod("POST");
        wrongToken.setRequestProperty("Authorization", "Bearer not-the-token");
        assertEquals(401, wrongToken.getResponseCode());
    }

    private JsonNode get(String path, int expected) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(base() + path).openConnection();
        assertEquals(path, expected, http.getResponseCode());
        try (InputStream in = expected < 400 ? http.getInputStream() : http.getErrorStream()) {
            return new ObjectMapper().readTree(in);
        }
    }

    private String text(String path) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(base() + path).openConnection();
        assertEquals(200, http.getResponseCode());
        assertTrue(http.getContentType(), http.getContentType().startsWith("text/plain; version=0.0.4"));
        try (InputStream in = http.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

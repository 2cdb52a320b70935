package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.Quantity;
import org.vigie.api.service.ModelStateStore;
import org.vigie.api.service.ParameterStore;
import org.vigie.api.service.SeriesStore;

/**
 * A hindcast through the REST API on airGR's real hourly basin L0123003 (920 km²) ingested through the CSV
 * connector: the job shows its progress, ends with scores per lead time and an HTML report, and leaves the forecast
 * point calibrated, with its learnt correction and band in its model state.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HindcastApiIT {

    private static final Path BASIN = Path.of("../../shared/data/airgr-catchments/L0123003_BasinObs.csv");
    private static final String STATION = "L0123003";
    private static final String POINT = "bubry-Q";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("hindcast");
        if (Files.isReadable(BASIN)) {
            VigieDistribution.writeCatchmentBundle(home.resolve("deploy/bubry-catchment.jar"), "itest.bubry", """
                    {"id": "bubry", "stations": [{"code": "L0123003", "name": "Flashy River at Bubry Creek",
                      "longitude": -3.18, "latitude": 47.96}],
                     "forecastPoints": [{"id": "bubry-Q", "station": "L0123003", "quantity": "Q", "model": "grp-gr4h",
                      "step": "PT1H", "horizonSteps": 24, "history": "P10D",
                      "parameters": {"X1": 500, "X2": 0, "X3": 100, "X4": 5, "areaKm2": 920},
                      "inputs": {"P": {"station": "L0123003", "quantity": "P"},
                                 "E": {"station": "L0123003", "quantity": "E"}}}]}
                    """);
            Files.writeString(home.resolve("config/org.vigie.connector.csv-" + STATION + ".config"),
                    "stationCode=\"" + STATION + "\"\nfolder=\"data/inbox\"\n");
            // 2005-2007 of the airGR basin file (DatesR,P,T,E,Qls,Qmm) as Vigie's CSV: Q in m3/s
            List<String> rows = new ArrayList<>(List.of("time,P,E,Q"));
            List<String> basin = Files.readAllLines(BASIN);
            for (String line : basin.subList(1, basin.size())) {
                String[] c = line.split(",", -1);
                if (c[0].startsWith("2005") || c[0].startsWith("2006") || c[0].startsWith("2007")) {
                    rows.add(c[0] + "," + c[1] + "," + c[3] + ","
                            + (c[4].isEmpty() ? "" : String.valueOf(Double.parseDouble(c[4]) / 1000)));
                }
            }
            Path inbox = Files.createDirectories(home.resolve("data/inbox"));
            Files.write(inbox.resolve("basin.part"), rows);
            Files.move(inbox.resolve("basin.part"), inbox.resolve(STATION + "_2005-2007.csv"),
                    StandardCopyOption.ATOMIC_MOVE);
        }
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void aHindcastLearnsThePointsChainAndReportsScoresPerLead() throws Exception {
        Path home = Path.of(context.getProperty("vigie.home"));
        assumeTrue("skipped: airGR basin file not found at " + BASIN.toAbsolutePath(),
                Files.exists(home.resolve("config/org.vigie.connector.csv-" + STATION + ".config")));
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        Await.until("three years of hourly P, E and Q stored", Duration.ofSeconds(90),
                () -> store.count(STATION, Quantity.E), n -> n == 26_280);

        String api = "http://localhost:" + context.getProperty("org.osgi.service.http.port") + "/api";
        JsonNode started = request("POST", api + "/forecast-points/" + POINT + "/hindcast?calibrateFrom="
                + "2005-01-01T00:00:00Z&calibrateTo=2007-01-01T00:00:00Z&from=2007-01-01T00:00:00Z"
                + "&to=2007-07-01T00:00:00Z", 202);
        String job = started.get("id").asText();
        List<Double> progress = new ArrayList<>();
        JsonNode done = Await.until("the hindcast job finished", Duration.ofSeconds(120), () -> {
            try {
                JsonNode state = request("GET", api + "/hindcasts/" + job, 200);
                progress.add(state.get("percentDone").asDouble());
                return state;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, state -> !state.get("status").asText().equals("RUNNING"));
        assertEquals(done.toString(), "DONE", done.get("status").asText());
        assertEquals(24, done.get("leads").size());
        JsonNode lead1 = done.get("leads").get(0);
        assertTrue("lead 1 beats the model without updating: " + lead1,
                lead1.get("nse").asDouble() > lead1.get("nseNoUpdate").asDouble());
        assertEquals(100.0, progress.get(progress.size() - 1), 0);
        System.out.println("hindcast through the API: progress seen " + progress.size() + " times, lead 1 " + lead1
                + ", lead 24 " + done.get("leads").get(23));

        HttpURLConnection report = (HttpURLConnection) new URL(api + "/hindcasts/" + job + "/report").openConnection();
        assertEquals(200, report.getResponseCode());
        try (InputStream in = report.getInputStream()) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(html.contains("<svg"));
        }
        assertEquals(1, VigieDistribution.service(context, ParameterStore.class).history(POINT, "grp-gr4h").size());
        assertTrue("the learnt band kept in the point's model state",
                VigieDistribution.service(context, ModelStateStore.class).load(POINT, "grp-gr4h").orElseThrow()
                        .variables().containsKey("uncertainty.ratioQuantiles"));
        request("POST", api + "/forecast-points/nowhere/hindcast?calibrateFrom=2005-01-01T00:00:00Z"
                + "&calibrateTo=2007-01-01T00:00:00Z&from=2007-01-01T00:00:00Z&to=2007-07-01T00:00:00Z", 400);
    }

    private static JsonNode request(String method, String url, int expected) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(url).openConnection();
        http.setRequestMethod(method);
        VigieDistribution.authorize(http);
        int status = http.getResponseCode();
        try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
            JsonNode body = new ObjectMapper().readTree(in);
            assertEquals(method + " " + url + " -> " + body, expected, status);
            return body;
        }
    }
}

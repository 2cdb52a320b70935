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
import java.time.Duration;
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
import org.vigie.api.Quantity;
import org.vigie.api.service.CalibrationJob;
import org.vigie.api.service.CalibrationService;
import org.vigie.api.service.ParameterSet;
import org.vigie.api.service.ParameterStore;
import org.vigie.api.service.SeriesStore;

/**
 * Calibrating a GR4H forecast point on its station's stored history through the REST API: the job reports its
 * progress and the parameters found become the point's new parameter version.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CalibrationApiIT {

    private static final String STATION = "ITESTCAL1";
    private static final String POINT = "itest-cal-Q";
    private static final Path BASIN = Path.of("../../shared/data/airgr-catchments/L0123003_BasinObs.csv");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path home = VigieDistribution.freshCopy("calibration");
        Files.writeString(home.resolve("config/org.vigie.connector.csv-" + STATION + ".config"),
                "stationCode=\"" + STATION + "\"\n");
        String catchment = "{\"id\":\"itestcal\",\"stations\":[{\"code\":\"" + STATION + "\",\"longitude\":1.9,"
                + "\"latitude\":47.9}],\"forecastPoints\":[{\"id\":\"" + POINT + "\",\"station\":\"" + STATION
                + "\",\"quantity\":\"Q\",\"model\":\"gr4h\",\"step\":\"PT1H\",\"horizonSteps\":6,\"history\":\"P5D\","
                + "\"parameters\":{\"areaKm2\":920},\"inputs\":{\"P\":{\"station\":\"" + STATION + "\",\"quantity\":"
                + "\"P\"},\"E\":{\"station\":\"" + STATION + "\",\"quantity\":\"E\"}}}]}";
        VigieDistribution.writeCatchmentBundle(home.resolve("deploy/org.vigie.catchment.itestcal.jar"),
                "org.vigie.catchment.itestcal", catchment);
        if (Files.exists(BASIN)) {
            // airGR's hourly example basin (920 km2), 2004 (warm-up) to March 2005, as a station export: Q in m3/s
            StringBuilder csv = new StringBuilder("time,P,E,Q\n");
            for (String line : Files.readAllLines(BASIN).subList(1, 24 * 456 + 1)) {
                String[] c = line.split(",", -1);
                String q = c[4].isEmpty() ? "" : Double.toString(Double.parseDouble(c[4]) / 1000);
                csv.append(c[0]).append(',').append(c[1]).append(',').append(c[3]).append(',').append(q).append('\n');
            }
            Files.createDirectories(home.resolve("data/inbox"));
            Files.writeString(home.resolve("data/inbox/" + STATION + "_history.csv"), csv);
        }
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void aCalibrationStartedThroughTheApiStoresANewParameterVersion() throws Exception {
        assumeTrue("skipped: " + BASIN.toAbsolutePath() + " not found (shared data beside the checkout)",
                Files.exists(BASIN));
        SeriesStore series = VigieDistribution.service(context, SeriesStore.class);
        ParameterStore parameters = VigieDistribution.service(context, ParameterStore.class);
        VigieDistribution.service(context, CalibrationService.class);
        Await.until("the station history stored", Duration.ofSeconds(60), () -> series.count(STATION, Quantity.P),
                n -> n == 24 * 456);
        String api = "http://localhost:" + context.getProperty("org.osgi.service.http.port") + "/api";

        HttpURLConnection bad = post(api + "/forecast-points/" + POINT + "/calibration?from=2005-01-01T00:00:00Z");
        assertEquals(400, bad.getResponseCode());

        HttpURLConnection start = post(api + "/forecast-points/" + POINT
                + "/calibration?from=2005-01-01T00:00:00Z&to=2005-04-01T00:00:00Z&criterion=NSE&method=michel");
        assertEquals(202, start.getResponseCode());
        String started = read(start.getInputStream());
        String id = started.replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");
        String job = Await.until("the calibration job to finish", Duration.ofSeconds(120),
                () -> get(api + "/jobs/" + id), body -> !body.contains("\"RUNNING\""));
        assertTrue(job, job.contains("\"DONE\"") && job.contains("stored as parameter version 1"));

        List<ParameterSet> versions = parameters.history(POINT, "gr4h");
        assertEquals(1, versions.size());
        assertEquals(List.of("X1", "X2", "X3", "X4"), List.copyOf(versions.get(0).values().keySet()));
        assertTrue(versions.get(0).origin(), versions.get(0).origin().startsWith("Michel NSE="));
        assertTrue(get(api + "/forecast-points").contains("\"version\" : 1"));
        System.out.println("calibration through the API: " + versions.get(0));
    }

    private static HttpURLConnection post(String url) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(url).openConnection();
        http.setRequestMethod("POST");
        VigieDistribution.authorize(http);
        return http;
    }

    private static String get(String url) {
        try {
            HttpURLConnection http = (HttpURLConnection) new URL(url).openConnection();
            return read(http.getInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

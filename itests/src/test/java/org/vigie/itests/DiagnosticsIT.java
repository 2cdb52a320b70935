package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
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
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.DiagnosticFlag;
import org.vigie.api.Quantity;
import org.vigie.api.service.DiagnosticsService;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.SeriesStore;

/**
 * Observations ingested through the CSV connector are diagnosed: flags recorded beside the untouched raw values,
 * served with the series, a report in JSON and PNG from the REST API, and a station's own thresholds taken from its
 * configuration file.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DiagnosticsIT {

    private static final String STATION = "K439000101";
    private static final Instant START = Instant.parse("2024-10-18T00:00:00Z");
    private static final Instant SPIKE = START.plusSeconds(3600 * 30);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        Path home = VigieDistribution.freshCopy("diagnostics");
        return VigieDistribution.options(home, VigieDistribution.freePort());
    }

    @Test
    public void ingestedObservationsAreFlaggedAndReportedWithTheStationsThresholds() throws Exception {
        VigieDistribution.service(context, DiagnosticsService.class);
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        Path home = Path.of(context.getProperty("vigie.home"));
        Path inbox = home.resolve("data/inbox");
        Files.createDirectories(inbox);
        StringBuilder csv = new StringBuilder("time,H\n");
        for (int h = 0; h < 60; h++) {
            double level = h == 30 ? 3.5 : 1.0 + 0.01 * h;
            csv.append(START.plusSeconds(3600L * h)).append(',').append(level).append('\n');
        }
        Path partial = inbox.resolve(STATION + "_qc.csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(STATION + "_qc.csv"), StandardCopyOption.ATOMIC_MOVE);

        Instant end = START.plusSeconds(3600 * 60);
        List<ObservationFlags> flags = Await.until("flags of the 60 values", Duration.ofSeconds(30),
                () -> store.readFlags(STATION, Quantity.H, START, end), f -> f.size() == 60);
        assertEquals(Set.of(DiagnosticFlag.SPIKE), flags.get(30).flags());
        assertEquals("the others are clean", 59, flags.stream().filter(f -> f.flags().isEmpty()).count());
        assertEquals("raw value kept", 3.5, store.read(STATION, Quantity.H, SPIKE, SPIKE.plusSeconds(1)).get(0).value(),
                0);

        String api = "http://localhost:" + context.getProperty("org.osgi.service.http.port") + "/api/stations/"
                + STATION;
        String period = "quantity=H&from=" + START + "&to=" + end;
        String series = new String(get(api + "/series?" + period, "application/json"), StandardCharsets.UTF_8);
        assertTrue(series, series.replaceAll("\\s", "").contains("\"value\":3.5,\"quality\":\"RAW\",\"source\":\"csv\","
                + "\"flags\":[\"SPIKE\"]"));

        String report = new String(get(api + "/diagnostics?" + period, "application/json"), StandardCharsets.UTF_8);
        assertTrue(report, report.replaceAll("\\s", "").contains("\"completenessPercent\":100.0"));
        assertTrue(report, report.contains("SPIKE"));
        assertTrue("the whole report, not a truncated one: " + report,
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(report).get("anomalies").isArray());

        BufferedImage png = ImageIO.read(new java.io.ByteArrayInputStream(get(api + "/diagnostics?" + period
                + "&format=png", "image/png")));
        assertEquals(960, png.getWidth());
        String html = new String(get(api + "/diagnostics?" + period + "&format=html", "text/html; charset=utf-8"),
                StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg") && html.contains(STATION));

        // the station's own plausible range, from its configuration file, applies to the next report
        Path config = home.resolve("config/org.vigie.qc.station-" + STATION + ".config");
        Files.writeString(config, "station=\"" + STATION + "\"\nquantity=\"H\"\nrangeMax=D\"1.505\"\n");
        DiagnosticsService diagnostics = VigieDistribution.service(context, DiagnosticsService.class);
        double rangePercent = Await.until("the station's range in use", Duration.ofSeconds(20),
                () -> diagnostics.report(STATION, Quantity.H, START, end).flaggedPercent().get(DiagnosticFlag.RANGE),
                percent -> percent > 0);
        // values above 1.5 m: the spike and hours 51..59
        assertEquals(100.0 * 10 / 60, rangePercent, 1e-9);

        HttpURLConnection bad = (HttpURLConnection) new URL(api + "/diagnostics?" + period + "&format=gif")
                .openConnection();
        assertEquals(400, bad.getResponseCode());
    }

    private static byte[] get(String url, String expectedType) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(url).openConnection();
        assertEquals(url, 200, http.getResponseCode());
        assertTrue(http.getContentType(), http.getContentType().replace(";charset=", "; charset=")
                .toLowerCase(java.util.Locale.ROOT).startsWith(expectedType));
        try (InputStream in = http.getInputStream()) {
            return in.readAllBytes();
        }
    }
}

package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

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
import org.vigie.api.RatingCurve;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.RatingCurveStore;
import org.vigie.api.service.SeriesStore;

/**
 * The forecast chain of the demo catchment's discharge point on the running platform: a stage–discharge curve fitted
 * through the REST API to the station's stored H/Q pairs, then a forecast cycle producing the discharge forecast and,
 * through the curve, the level forecast with its exceedance probabilities, served by the REST API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ForecastChainIT {

    private static final String DHUY = "K437311001";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return VigieDistribution.options(VigieDistribution.freshCopy("forecast-chain"), VigieDistribution.freePort());
    }

    @Test
    public void aFittedCurveTurnsTheDischargeForecastIntoALevelForecastWithExceedanceProbabilities() throws Exception {
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        Path inbox = Files.createDirectories(Path.of(context.getProperty("vigie.home")).resolve("data/inbox"));
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofHours(71));
        StringBuilder csv = new StringBuilder("time,H,Q,P,E\n");
        for (int h = 0; h < 72; h++) {
            double level = 0.4 + 0.8 * Math.pow(h / 71.0, 2);
            csv.append(String.format(Locale.ROOT, "%s,%.3f,%.4f,%.1f,%.2f%n", start.plusSeconds(3600L * h), level,
                    8.0 * Math.pow(level - 0.15, 1.6), h > 30 && h < 50 ? 3.0 : 0.0, 0.05));
        }
        Path partial = inbox.resolve(DHUY + "_chain.csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(DHUY + "_chain.csv"), StandardCopyOption.ATOMIC_MOVE);
        Await.until("72 hours of H, Q, P and E", Duration.ofSeconds(30),
                () -> store.count(DHUY, Quantity.E), n -> n == 72);

        String api = "http://localhost:" + context.getProperty("org.osgi.service.http.port") + "/api";
        String validFrom = start.toString();
        JsonNode fitted = post(api + "/stations/" + DHUY + "/rating-curves?from=" + start + "&to=" + end.plusSeconds(1)
                + "&validFrom=" + validFrom + "&segments=1");
        JsonNode segment = fitted.get("curve").get("segments").get(0);
        assertEquals("the pairs' curve recovered (levels rounded to the mm)", 8.0, segment.get("a").asDouble(), 0.1);
        assertEquals(1.6, segment.get("b").asDouble(), 0.01);
        List<RatingCurve> stored = VigieDistribution.service(context, RatingCurveStore.class).curves(DHUY);
        assertEquals(1, stored.size());
        JsonNode listed = get(api + "/stations/" + DHUY + "/rating-curves");
        assertEquals("the demo catchment's own curve is listed too", 1, listed.get("shipped").size());

        ForecastService cycles = VigieDistribution.service(context, ForecastService.class);
        // the other demo points have no data in this test
        assertEquals(List.of(), cycles.runCycle().failures().stream().filter(f -> f.startsWith("sandillon-dhuy-Q"))
                .toList());
        JsonNode forecasts = get(api + "/stations/" + DHUY + "/forecast").get("forecasts");
        JsonNode discharge = find(forecasts, "sandillon-dhuy-Q");
        JsonNode level = find(forecasts, "sandillon-dhuy-Q/H");
        assertEquals("Q", discharge.get("quantity").asText());
        assertEquals("H", level.get("quantity").asText());
        assertEquals(24, level.get("values").size());
        for (int i = 0; i < 24; i++) {
            double q = discharge.get("values").get(i).get("value").asDouble();
            double h = level.get("values").get(i).get("value").asDouble();
            assertEquals("level through the fitted curve, valid since " + validFrom,
                    stored.get(0).level(q).value(), h, 1e-9);
        }
        JsonNode exceedance = level.get("exceedance");
        assertEquals("the Dhuy's yellow, orange and red thresholds", 3, exceedance.size());
        assertEquals(24, exceedance.get(0).get("probabilities").size());
        // grp-gr4h gives a band (its default uncertainty until a hindcast learns the point's own): in level too
        JsonNode lead6 = level.get("values").get(5);
        assertTrue(lead6.toString(), lead6.get("q10").asDouble() < lead6.get("value").asDouble()
                && lead6.get("value").asDouble() < lead6.get("q90").asDouble());
        double yellow = exceedance.get(0).get("probabilities").get(5).asDouble();
        assertTrue("a probability, not a yes/no: " + yellow, yellow >= 0 && yellow <= 1);
    }

    private static JsonNode find(JsonNode forecasts, String point) {
        for (JsonNode f : forecasts) {
            if (f.get("forecastPoint").asText().equals(point)) {
                return f;
            }
        }
        throw new AssertionError("no forecast for " + point + " in " + forecasts);
    }

    private static JsonNode get(String url) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(url).openConnection();
        assertEquals(url, 200, http.getResponseCode());
        try (InputStream in = http.getInputStream()) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static JsonNode post(String url) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(url).openConnection();
        http.setRequestMethod("POST");
        VigieDistribution.authorize(http);
        int status = http.getResponseCode();
        try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
            JsonNode body = new ObjectMapper().readTree(in);
            assertTrue(url + " -> " + status + " " + body, status == 202);
            return body;
        }
    }
}

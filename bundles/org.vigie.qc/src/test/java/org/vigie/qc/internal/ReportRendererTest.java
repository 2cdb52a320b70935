package org.vigie.qc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.vigie.api.DiagnosticFlag;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.testing.SharedData;
import org.w3c.dom.Document;

/** Reports rendered for real series: the Cance outlet (hourly, 4 months) and Hub'Eau's Loire at Blois. */
class ReportRendererTest {

    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void rendersTheCanceOutletWithItsFlaggedPointsInEveryFormat() throws Exception {
        CanceHourlyDischarge outlet = CanceHourlyDischarge.load("V3524010");
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < outlet.values().length; i++) {
            if (!Double.isNaN(outlet.values()[i])) {
                observations.add(new Observation("V3524010", Quantity.Q, outlet.times()[i], outlet.values()[i],
                        Quality.RAW, Provenance.of("smash"), NOW));
            }
        }
        Instant from = outlet.times()[0];
        Instant to = outlet.times()[outlet.times().length - 1].plusSeconds(3600);
        DiagnosedPeriod period = StationDiagnostics.diagnose("V3524010", Quantity.Q, from, to, observations,
                List.of(), List.of(), StationQcSettings.defaults(Quantity.Q), NOW);
        long flagged = period.flags().stream().filter(f -> !f.isEmpty()).count();
        System.out.printf(Locale.ROOT, "Cance V3524010: %d values, completeness %.1f %%, %d flagged, %s%n",
                observations.size(), period.report().completenessPercent(), flagged, period.report().flaggedPercent());
        assertEquals(100.0, period.report().completenessPercent(), 1e-9);
        assertTrue(flagged > 0 && flagged < 0.01 * observations.size(), "a few flagged values: " + flagged);

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(ReportRenderer.svg(period).getBytes(StandardCharsets.UTF_8)));
        assertEquals(flagged, svg.getElementsByTagName("circle").getLength(), "one red dot per flagged value");

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ReportRenderer.png(period)));
        assertEquals(ReportRenderer.WIDTH, png.getWidth());
        assertEquals(ReportRenderer.HEIGHT, png.getHeight());
        assertTrue(countPixels(png, 0xd62728) > 0, "flagged points drawn in red");
        assertTrue(countPixels(png, 0x1f77b4) > 500, "the series drawn in blue");

        String html = ReportRenderer.html(period);
        assertTrue(html.contains("complétude 100,0 %") && html.contains("FLATLINE"), html);
    }

    /** Hub'Eau's recorded daily means (obs_elab QmnJ, l/s) of the Loire at Blois, converted at the border. */
    @Test
    void rendersTheHubEauDailyMeansOfTheLoireAtBlois() throws IOException {
        JsonNode body = new ObjectMapper().readTree(Files.readString(SharedData.file(
                "hubeau-hydrometrie-fixtures-loire-blois/obs_elab_K447001001_depuis_2026-08-01_2026-09-13.json")));
        List<Observation> observations = new ArrayList<>();
        for (JsonNode row : body.get("data")) {
            observations.add(new Observation("K447001001", Quantity.Q,
                    Instant.parse(row.get("date_obs_elab").asText() + "T00:00:00Z"),
                    row.get("resultat_obs_elab").asDouble() / 1000, Quality.GOOD, Provenance.of("hubeau-elab"), NOW));
        }
        assertTrue(observations.size() >= 2, "the recording holds daily values");
        Instant from = observations.get(0).time();
        Instant to = observations.get(observations.size() - 1).time().plusSeconds(86_400);
        DiagnosedPeriod period = StationDiagnostics.diagnose("K447001001", Quantity.Q, from, to, observations,
                List.of(), List.of(), StationQcSettings.defaults(Quantity.Q), NOW);
        assertEquals(java.time.Duration.ofDays(1), period.report().expectedStep());
        assertEquals(0.0, period.report().flaggedPercent().get(DiagnosticFlag.RANGE));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(ReportRenderer.png(period)));
        assertTrue(countPixels(png, 0x1f77b4) > 0);
        assertTrue(ReportRenderer.html(period).contains("K447001001"));
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                count += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return count;
    }
}

package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.api.Catchment;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;

class CatchmentParserTest {

    private static Catchment parse(String json) throws Exception {
        return CatchmentParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static String error(String json) {
        return assertThrows(CatchmentParser.InvalidCatchmentException.class, () -> parse(json)).getMessage();
    }

    private static final String STATION = "{\"code\":\"K1\",\"name\":\"A\",\"longitude\":1.9,\"latitude\":47.9}";

    @Test
    void readsTheShippedOrleansCatchment() throws Exception {
        Path shipped = Path.of("../org.vigie.catchment.orleans/src/main/resources/catchment.json");
        Catchment c;
        try (InputStream in = Files.newInputStream(shipped)) {
            c = CatchmentParser.parse(in, "orleans");
        }
        assertEquals("orleans", c.id());
        assertEquals(3, c.stations().size());
        Station loire = c.stations().get(0);
        assertEquals("K435001010", loire.code());
        assertEquals(1.904789113, loire.position().longitude());
        assertEquals(619_000, loire.lambert93().x(), 1_000, "Lambert-93 derived from the WGS84 position");
        assertEquals(2.20, c.thresholds("K435001010", Quantity.H).stream()
                .filter(t -> t.level() == VigilanceLevel.ORANGE).findFirst().orElseThrow().value());
        assertEquals(Duration.ofHours(1), c.forecastPoints().get(0).step());
        assertEquals(24, c.forecastPoints().get(0).horizonSteps());
    }

    @Test
    void readsRatingCurvesAndRefusesBadOnesNamingThePath() throws Exception {
        Catchment c = parse("{\"id\":\"x\",\"stations\":[" + STATION + "],\"ratingCurves\":[{\"station\":\"K1\","
                + "\"validFrom\":\"2020-01-01T00:00:00Z\",\"maxGaugedLevel\":3.2,\"segments\":["
                + "{\"fromLevel\":0.2,\"a\":12.5,\"h0\":0.1,\"b\":1.6}]}]}");
        var curve = c.ratingCurves().get(0);
        assertEquals("K1", curve.stationCode());
        assertEquals(12.5 * Math.pow(1.1, 1.6), curve.discharge(1.2).value(), 1e-12);

        assertTrue(error("{\"id\":\"x\",\"stations\":[" + STATION + "],\"ratingCurves\":[{\"station\":\"K1\","
                + "\"validFrom\":\"2020\",\"maxGaugedLevel\":3.2,\"segments\":[]}]}")
                .contains("$.ratingCurves[0].validFrom"));
        assertTrue(error("{\"id\":\"x\",\"stations\":[" + STATION + "],\"ratingCurves\":[{\"station\":\"K1\","
                + "\"validFrom\":\"2020-01-01T00:00:00Z\",\"maxGaugedLevel\":3.2,\"segments\":[{\"fromLevel\":0.2,"
                + "\"a\":12.5,\"h0\":0.1}]}]}").contains("$.ratingCurves[0].segments[0].b"));
    }

    @Test
    void readsTheCatchmentOutlineAndRefusesABadPointNamingIt() throws Exception {
        Catchment c = parse("{\"id\":\"x\",\"stations\":[" + STATION + "],\"area\":[[1.8,47.9],[2.0,47.9],"
                + "[2.0,47.8],[1.8,47.9]]}");
        assertEquals(3, c.area().size(), "the closing point is dropped");
        assertEquals(2.0, c.area().get(1).longitude());
        assertTrue(error("{\"id\":\"x\",\"stations\":[" + STATION + "],\"area\":[[1.8,47.9],[2.0]]}")
                .contains("$.area[1]"));
    }

    @Test
    void readsForecastPointInputs() throws Exception {
        Catchment c = parse("{\"id\":\"x\",\"stations\":[" + STATION + "],\"forecastPoints\":[{\"id\":\"p\","
                + "\"station\":\"K1\",\"quantity\":\"Q\",\"model\":\"gr4h\",\"step\":\"PT1H\","
                + "\"horizonSteps\":48,\"history\":\"P365D\",\"parameters\":{\"X1\":350.5},"
                + "\"inputs\":{\"P\":{\"station\":\"K1\",\"quantity\":\"P\"},"
                + "\"E\":{\"station\":\"K1\",\"quantity\":\"E\"}}}]}");
        var point = c.forecastPoints().get(0);
        assertEquals(Map.of("X1", 350.5), point.parameters());
        assertEquals(new ForecastPoint.SeriesRef("K1", Quantity.E), point.inputs().get("E"));
        assertTrue(error("{\"id\":\"x\",\"stations\":[" + STATION + "],\"forecastPoints\":[{\"id\":\"p\","
                + "\"station\":\"K1\",\"quantity\":\"Q\",\"model\":\"m\",\"step\":\"PT1H\","
                + "\"horizonSteps\":4,\"history\":\"P1D\",\"inputs\":{\"P\":{\"station\":\"K9\","
                + "\"quantity\":\"P\"}}}]}").contains("$.forecastPoints[0].inputs.P.station: station K9"));
    }

    @Test
    void namesTheFieldAtFault() {
        assertEquals("test.json at $.id: a non-empty string is required", error("{\"stations\":[]}"));
        assertEquals("test.json at $.stations[0].latitude: a number is required",
                error("{\"id\":\"x\",\"stations\":[{\"code\":\"K1\",\"longitude\":1.9}]}"));
        assertEquals("test.json at $.thresholds[0].station: station K2 is not among this catchment's stations",
                error("{\"id\":\"x\",\"stations\":[" + STATION + "],\"thresholds\":[{\"station\":\"K2\","
                        + "\"quantity\":\"H\",\"level\":\"RED\",\"value\":3}]}"));
        assertTrue(error("{\"id\":\"x\",\"stations\":[" + STATION + "],\"forecastPoints\":[{\"id\":\"p\","
                + "\"station\":\"K1\",\"quantity\":\"H\",\"model\":\"m\",\"step\":\"1 hour\",\"horizonSteps\":3,"
                + "\"history\":\"P1D\"}]}").contains("'1 hour' is not an ISO-8601 duration"));
        assertTrue(error("{\"id\":\"x\",\"stations\":[" + STATION + "," + STATION + "]}")
                .contains("station K1 is defined twice"));
        assertTrue(error("{\"id\":\"x\",\"stations\":[" + STATION + "],\"thresholds\":[{\"station\":\"K1\","
                + "\"quantity\":\"H\",\"level\":\"PURPLE\",\"value\":3}]}").contains("levels: YELLOW, ORANGE, RED"));
        assertTrue(error("{not json").startsWith("test.json: not valid JSON"));
    }

    private static final String THRESHOLDS = "{\"id\":\"x\",\"stations\":[" + STATION + "],\"thresholds\":[";

    @Test
    void readsTheAntiFlappingRateAndForecastFieldsOfThresholds() throws Exception {
        Catchment c = parse(THRESHOLDS + "{\"station\":\"K1\",\"quantity\":\"H\",\"level\":\"ORANGE\","
                + "\"value\":2.2,\"hysteresis\":0.1,\"minDuration\":\"PT1H\",\"forecastProbability\":0.7,"
                + "\"forecastWithinHours\":24},"
                + "{\"station\":\"K1\",\"quantity\":\"H\",\"level\":\"YELLOW\",\"kind\":\"rateOfRise\","
                + "\"value\":0.1,\"rateWindow\":\"PT3H\"},"
                + "{\"station\":\"K1\",\"quantity\":\"H\",\"level\":\"RED\",\"value\":4.2}]}");
        Threshold orange = c.thresholds().get(0);
        assertEquals(new Threshold("K1", Quantity.H, VigilanceLevel.ORANGE, 2.2, "", Threshold.Kind.LEVEL, 0.1,
                Duration.ofHours(1), null, 0.7, Duration.ofHours(24)), orange);
        Threshold rise = c.thresholds().get(1);
        assertEquals(Threshold.Kind.RATE_OF_RISE, rise.kind());
        assertEquals(Duration.ofHours(3), rise.rateWindow());
        assertEquals(new Threshold("K1", Quantity.H, VigilanceLevel.RED, 4.2, ""), c.thresholds().get(2),
                "absent fields keep the immediate, hysteresis-free rule");
    }

    @Test
    void refusesBadThresholdFieldsNamingThePath() {
        String base = "{\"station\":\"K1\",\"quantity\":\"H\",\"level\":\"ORANGE\",\"value\":2.2,";
        assertEquals("test.json at $.thresholds[0].hysteresis: must be ≥ 0 (in the unit of value)",
                error(THRESHOLDS + base + "\"hysteresis\":-0.1}]}"));
        assertEquals("test.json at $.thresholds[0].hysteresis: a number is required",
                error(THRESHOLDS + base + "\"hysteresis\":\"10 cm\"}]}"));
        assertEquals("test.json at $.thresholds[0].minDuration: '1h' is not an ISO-8601 duration such as PT1H or P2D",
                error(THRESHOLDS + base + "\"minDuration\":\"1h\"}]}"));
        assertEquals("test.json at $.thresholds[0].forecastProbability: must be a probability between 0 and 1",
                error(THRESHOLDS + base + "\"forecastProbability\":70}]}"));
        assertEquals("test.json at $.thresholds[0].forecastWithinHours: must be a positive number of hours",
                error(THRESHOLDS + base + "\"forecastWithinHours\":0}]}"));
        assertEquals("test.json at $.thresholds[0].kind: 'rate' is not a threshold kind (level, rateOfRise)",
                error(THRESHOLDS + base + "\"kind\":\"rate\"}]}"));
        assertEquals("test.json at $.thresholds[0].rateWindow: a rateOfRise threshold needs its window, e.g. \"PT3H\"",
                error(THRESHOLDS + base + "\"kind\":\"rateOfRise\"}]}"));
        assertEquals("test.json at $.thresholds[0].rateWindow: applies only to \"kind\": \"rateOfRise\"",
                error(THRESHOLDS + base + "\"rateWindow\":\"PT3H\"}]}"));
        assertTrue(error(THRESHOLDS + base + "\"kind\":\"rateOfRise\",\"rateWindow\":\"PT3H\","
                + "\"minDuration\":\"PT1H\"}]}").startsWith("test.json at $.thresholds[0].minDuration: applies only"));
        assertEquals("test.json at $.thresholds[1].level: 'GREEN' is not a vigilance level (levels: YELLOW, ORANGE, "
                + "RED)", error(THRESHOLDS + base + "\"label\":\"ok\"},{\"station\":\"K1\",\"quantity\":\"H\","
                + "\"level\":\"GREEN\",\"value\":1}]}"));
    }
}

package org.vigie.connector.hubeau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.hubeau.internal.Fixtures.STATION;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class HubEauResponseParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-08-27T09:00:00Z");

    private final HubEauResponseParser parser = new HubEauResponseParser(STATION, "hubeau");

    private static Observation observation(Quantity quantity, String time, double value) {
        return new Observation(STATION, quantity, Instant.parse(time), value, Quality.GOOD,
                new Provenance("hubeau", "10", "observations_tr:" + time), RECEIVED);
    }

    @Test
    void negativeStageInMillimetresBecomesMetres() throws Exception {
        HubEauPage page = parser.parse(Fixtures.read(Fixtures.H_PAGE), RECEIVED);

        assertEquals(List.of(observation(Quantity.H, "2026-08-27T08:00:00Z", -1.232)), page.observations());
        assertEquals(1, page.rowCount());
        assertEquals(0, page.skippedRows());
    }

    @Test
    void dischargeInLitresPerSecondBecomesCubicMetresPerSecond() throws Exception {
        HubEauPage page = parser.parse(Fixtures.read(Fixtures.Q_PAGE), RECEIVED);

        assertEquals(List.of(
                observation(Quantity.Q, "2026-08-27T08:00:00Z", 47.8),
                observation(Quantity.Q, "2026-08-27T07:27:30Z", 47.8)), page.observations());
    }

    @Test
    void nextCursorIsKeptAsGiven() throws Exception {
        HubEauPage page = parser.parse(Fixtures.read(Fixtures.Q_PAGE), RECEIVED);

        assertEquals(URI.create("https://hubeau.eaufrance.fr/api/v2/hydrometrie/observations_tr?code_entite=K447001001"
                + "&grandeur_hydro=Q&cursor=AoJwrbyHoaADPwpLNDQ3MDAxMF9LNDQ3MDAxMDAxX1FfMjAyNi0wOC0yN1QwNzoyNzozMA%3D%3D"
                + "&size=2"), page.next().orElseThrow());
    }

    @Test
    void siteLevelRowWithNullStationCodeIsSkipped() throws Exception {
        HubEauPage page = parser.parse(Fixtures.read(Fixtures.SITE_PAGE), RECEIVED);

        assertEquals(List.of(observation(Quantity.Q, "2026-08-27T08:00:00Z", 47.8)), page.observations());
        assertEquals(2, page.rowCount());
        assertEquals(1, page.skippedRows());
    }

    @Test
    void rowsOfAnotherStationAreSkipped() throws Exception {
        HubEauPage page = new HubEauResponseParser("K435001010", "hubeau")
                .parse(Fixtures.read(Fixtures.Q_PAGE), RECEIVED);

        assertTrue(page.observations().isEmpty());
        assertEquals(2, page.skippedRows());
    }

    @Test
    void rowsWithoutValueOrDateAreSkipped() throws Exception {
        HubEauPage page = parser.parse("""
                {"count":3,"next":null,"data":[
                 {"code_station":"K447001001","grandeur_hydro":"H","date_obs":"2026-08-27T08:00:00Z","resultat_obs":null},
                 {"code_station":"K447001001","grandeur_hydro":"H","date_obs":null,"resultat_obs":1000.0},
                 {"code_station":"K447001001","grandeur_hydro":"H","date_obs":"2026-08-27T09:00:00Z","resultat_obs":1500.0}
                ]}""", RECEIVED);

        assertEquals(List.of(new Observation(STATION, Quantity.H, Instant.parse("2026-08-27T09:00:00Z"), 1.5,
                Quality.UNKNOWN, new Provenance("hubeau", "", "observations_tr:2026-08-27T09:00:00Z"), RECEIVED)),
                page.observations());
        assertEquals(2, page.skippedRows());
        assertTrue(page.next().isEmpty());
    }

    @Test
    void emptyPageHasNoRows() throws Exception {
        HubEauPage page = parser.parse("{\"count\":0,\"first\":null,\"prev\":null,\"next\":null,\"data\":[]}", RECEIVED);

        assertEquals(0, page.rowCount());
        assertTrue(page.observations().isEmpty());
    }

    @Test
    void truncatedBodyIsMalformed() {
        String recorded = Fixtures.read(Fixtures.Q_PAGE);

        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> parser.parse(recorded.substring(0, recorded.length() / 2), RECEIVED));
        assertTrue(e.getMessage().startsWith("invalid JSON"), e.getMessage());
    }

    @Test
    void bodiesThatAreNotHubEauAnswersAreMalformed() {
        assertEquals("expected a JSON object, got an empty body",
                assertThrows(MalformedResponseException.class, () -> parser.parse("", RECEIVED)).getMessage());
        assertEquals("the answer has no 'data' array",
                assertThrows(MalformedResponseException.class,
                        () -> parser.parse("{\"message\":\"maintenance\"}", RECEIVED)).getMessage());
        assertTrue(assertThrows(MalformedResponseException.class,
                () -> parser.parse("<html>Bad gateway</html>", RECEIVED)).getMessage().startsWith("invalid JSON"));
    }

    @Test
    void qualificationCodesMapToQualities() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        assertEquals(Quality.GOOD, HubEauResponseParser.qualityOf(json.numberNode(20)));
        assertEquals(Quality.DOUBTFUL, HubEauResponseParser.qualityOf(json.numberNode(30)));
        assertEquals(Quality.RAW, HubEauResponseParser.qualityOf(json.numberNode(16)));
        assertEquals(Quality.UNKNOWN, HubEauResponseParser.qualityOf(json.numberNode(0)));
        assertEquals(Quality.UNKNOWN, HubEauResponseParser.qualityOf(json.numberNode(99)));
        assertEquals(Quality.UNKNOWN, HubEauResponseParser.qualityOf(json.nullNode()));
        assertEquals(Quality.UNKNOWN, HubEauResponseParser.qualityOf(null));
    }
}

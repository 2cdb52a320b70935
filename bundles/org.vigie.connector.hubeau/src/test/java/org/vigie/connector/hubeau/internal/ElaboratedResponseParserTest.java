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

/** The obs_elab answers recorded for the Loire at Blois, read as Vigie observations. */
class ElaboratedResponseParserTest {

    private static final Instant RECEIVED = Instant.parse("2026-09-13T06:00:00Z");

    private final ElaboratedResponseParser parser = new ElaboratedResponseParser(STATION, "hubeau");

    private static Observation dailyMean(String day, double cubicMetresPerSecond, String reference) {
        return new Observation(STATION, Quantity.Q, Instant.parse(day + "T00:00:00Z"), cubicMetresPerSecond,
                Quality.GOOD, new Provenance("hubeau:QmnJ", "10", reference), RECEIVED);
    }

    @Test
    void dailyMeanInLitresPerSecondBecomesDischargeInCubicMetresPerSecondAtTheStartOfItsUtcDay() throws Exception {
        HubEauPage page = parser.parse(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST), ElaboratedQuantity.QMNJ, RECEIVED);

        // recorded: 48524.0, 48404.0, 48233.0 l/s, code_statut 12 (pré-validée), code_qualification 20 (bonne)
        String codes = ";code_statut=12;code_qualification=20;date_prod=2026-08-27T21:45:40Z";
        assertEquals(List.of(
                dailyMean("2026-08-01", 48.524, "obs_elab:2026-08-01" + codes),
                dailyMean("2026-08-02", 48.404, "obs_elab:2026-08-02" + codes),
                dailyMean("2026-08-03", 48.233, "obs_elab:2026-08-03" + codes)), page.observations());
        assertEquals(3, page.rowCount());
        assertEquals(0, page.skippedRows());
    }

    @Test
    void validatedValuesOfTheStationsFirstDaysKeepTheirStatusCode() throws Exception {
        HubEauPage page = parser.parse(Fixtures.read(Fixtures.ELAB_FROM_1900), ElaboratedQuantity.QMNJ, RECEIVED);

        String codes = ";code_statut=16;code_qualification=20;date_prod=2026-08-18T12:52:36Z";
        assertEquals(List.of(
                dailyMean("1900-01-01", 155.0, "obs_elab:1900-01-01" + codes),
                dailyMean("1900-01-02", 155.0, "obs_elab:1900-01-02" + codes)), page.observations());
    }

    @Test
    void nextCursorIsKeptAsGiven() throws Exception {
        HubEauPage page = parser.parse(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST), ElaboratedQuantity.QMNJ, RECEIVED);

        assertEquals(URI.create("https://hubeau.eaufrance.fr/api/v2/hydrometrie/obs_elab?code_entite=K447001001"
                + "&grandeur_hydro_elab=QmnJ&date_debut_obs_elab=2026-08-01&cursor=AoQkUW1uSipLNDQ3MDAxMDAxcIDyuuKf"
                + "Az8NUW1uSi1LNDQ3MDAxMC1LNDQ3MDAxMDAxLTIwMjYtMDgtMDNUMDA6MDA6MDA%3D&size=3"),
                page.next().orElseThrow());
    }

    @Test
    void recordedEmptyAnswerHasNoRowsAndNoNextPage() throws Exception {
        HubEauPage page = parser.parse(Fixtures.read(Fixtures.ELAB_EMPTY), ElaboratedQuantity.QMNJ, RECEIVED);

        assertEquals(0, page.rowCount());
        assertTrue(page.observations().isEmpty());
        assertTrue(page.next().isEmpty());
    }

    @Test
    void rowsOfAnotherStationAreSkipped() throws Exception {
        HubEauPage page = new ElaboratedResponseParser("K435001010", "hubeau")
                .parse(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST), ElaboratedQuantity.QMNJ, RECEIVED);

        assertTrue(page.observations().isEmpty());
        assertEquals(3, page.skippedRows());
    }

    @Test
    void siteRowsOtherSeriesAndRowsWithoutValueOrDayAreSkipped() throws Exception {
        HubEauPage page = parser.parse("""
                {"count":6,"next":null,"data":[
                 {"code_station":null,"grandeur_hydro_elab":"QmnJ","date_obs_elab":"2026-08-01","resultat_obs_elab":1.0},
                 {"code_station":"K447001001","grandeur_hydro_elab":"QmM","date_obs_elab":"2026-08-01","resultat_obs_elab":1.0},
                 {"code_station":"K447001001","grandeur_hydro_elab":"QmnJ","date_obs_elab":"2026-08-01","resultat_obs_elab":null},
                 {"code_station":"K447001001","grandeur_hydro_elab":"QmnJ","date_obs_elab":null,"resultat_obs_elab":1.0},
                 {"code_station":"K447001001","grandeur_hydro_elab":"QmnJ","date_obs_elab":"01/08/2026","resultat_obs_elab":1.0},
                 {"code_station":"K447001001","grandeur_hydro_elab":"QmnJ","date_obs_elab":"2026-08-02","resultat_obs_elab":2500.0}
                ]}""", ElaboratedQuantity.QMNJ, RECEIVED);

        assertEquals(List.of(new Observation(STATION, Quantity.Q, Instant.parse("2026-08-02T00:00:00Z"), 2.5,
                Quality.UNKNOWN, new Provenance("hubeau:QmnJ", "", "obs_elab:2026-08-02"), RECEIVED)),
                page.observations());
        assertEquals(5, page.skippedRows());
    }

    @Test
    void truncatedBodyIsMalformed() {
        String recorded = Fixtures.read(Fixtures.ELAB_SINCE_AUGUST);

        MalformedResponseException e = assertThrows(MalformedResponseException.class,
                () -> parser.parse(recorded.substring(0, recorded.length() / 2), ElaboratedQuantity.QMNJ, RECEIVED));
        assertTrue(e.getMessage().startsWith("invalid JSON"), e.getMessage());
    }

    @Test
    void eachSeriesHasItsOwnSourceSoDailyMeansNeverCollideWithRealTimeValues() {
        assertEquals("hubeau:QmnJ", parser.sourceOf(ElaboratedQuantity.QMNJ));
        assertEquals(ElaboratedQuantity.QMNJ, ElaboratedQuantity.parse(" qmnj ").orElseThrow());
        assertTrue(ElaboratedQuantity.parse("QmM").isEmpty());
    }
}

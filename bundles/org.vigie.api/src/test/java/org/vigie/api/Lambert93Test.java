package org.vigie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class Lambert93Test {

    @Test
    void theProjectionOriginMapsToTheFalseEastingAndNorthing() {
        Lambert93 origin = Lambert93.fromWgs84(new GeoPosition(3.0, 46.5));
        assertEquals(700_000.0, origin.x(), 1e-6);
        assertEquals(6_600_000.0, origin.y(), 1e-6);
    }

    @Test
    void matchesTheLambert93CoordinatesHubEauPublishesForTheLoireAtBlois() throws Exception {
        Path referential = Path.of("../../../shared/data/hubeau-hydrometrie-fixtures-loire-blois/"
                + "referentiel_stations_K447001001_2026-09-13.json");
        assumeTrue(Files.exists(referential), "skipped: shared data not found at " + referential.toAbsolutePath()
                + " (the ../shared folder sits beside the checkout in CI)");
        String json = Files.readString(referential);
        double lon = number(json, "longitude_station");
        double lat = number(json, "latitude_station");
        Lambert93 blois = Lambert93.fromWgs84(new GeoPosition(lon, lat));
        // Hub'Eau rounds its Lambert-93 coordinates to the metre
        assertEquals(number(json, "coordonnee_x_station"), blois.x(), 1.0);
        assertEquals(number(json, "coordonnee_y_station"), blois.y(), 1.0);
    }

    private static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.]+)").matcher(json);
        assertEquals(true, m.find(), field);
        return Double.parseDouble(m.group(1));
    }
}

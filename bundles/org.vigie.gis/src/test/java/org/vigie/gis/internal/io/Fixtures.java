package org.vigie.gis.internal.io;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.h2gis.functions.factory.H2GISFunctions;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.vigie.api.service.GeoFeature;

/** A fresh H2GIS workbench and small layers around Orléans, in Lambert-93, with every kind of property value. */
final class Fixtures {
    private Fixtures() {
    }

    static Workbench workbench() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:io-test-" + UUID.randomUUID());
        H2GISFunctions.load(connection);
        return new Workbench(connection);
    }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, Object> properties(Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    /** Flood zones: a polygon with a hole, a multipolygon, and values of each type, some null. */
    static List<GeoFeature> zones() {
        List<GeoFeature> zones = new ArrayList<>();
        zones.add(new GeoFeature("z1", wkt("POLYGON ((618000 6754000, 620000 6754000, 620000 6756000, "
                + "618000 6756000, 618000 6754000), (618500 6754500, 618500 6755000, 619000 6755000, "
                + "619000 6754500, 618500 6754500))"),
                properties("name", "Orléans, \"centre\"", "level_m", 4.25, "buildings", 1250L, "evacuate", true,
                        "colour", "red", "note", null)));
        zones.add(new GeoFeature("z2", wkt("MULTIPOLYGON (((621000 6753000, 622000 6753000, 622000 6754000, "
                + "621000 6753000)), ((623000 6753000, 623500 6753000, 623500 6753500, 623000 6753500, "
                + "623000 6753000)))"),
                properties("name", "Saint-Jean-le-Blanc", "level_m", 3.5, "buildings", 0L, "evacuate", false,
                        "colour", "orange", "note", "digue")));
        zones.add(new GeoFeature("z3", wkt("POLYGON ((615123.45 6752000.12, 616000 6752000, 615500 6753000, "
                + "615123.45 6752000.12))"),
                properties("name", "Saint-Pryvé", "level_m", null, "buildings", 7L, "evacuate", null,
                        "colour", "green", "note", "")));
        return zones;
    }

    /** Gauges as points, one with a vigilance level rather than a colour. */
    static List<GeoFeature> stations() {
        return List.of(
                new GeoFeature("K435001010", wkt("POINT (619550.1 6754101.2)"),
                        properties("name", "Orléans", "vigilance", "YELLOW")),
                new GeoFeature("K447001001", wkt("POINT (574873 6721828)"),
                        properties("name", "Blois", "vigilance", "GREEN")));
    }

    /** One point, one line and one polygon in a single layer. */
    static List<GeoFeature> mixed() {
        return List.of(
                new GeoFeature("p", wkt("POINT (619000 6755000)"), properties("kind", "gauge")),
                new GeoFeature("l", wkt("LINESTRING (618000 6754000, 619000 6755000, 620000 6754500)"),
                        properties("kind", "dyke")),
                new GeoFeature("a", wkt("POLYGON ((618000 6754000, 619000 6754000, 619000 6755000, "
                        + "618000 6754000))"), properties("kind", "basin")));
    }
}

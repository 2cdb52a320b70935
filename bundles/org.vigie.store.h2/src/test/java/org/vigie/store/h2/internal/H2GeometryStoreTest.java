package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.vigie.api.service.GeoFeature;
import org.vigie.api.service.GeoLayer;

class H2GeometryStoreTest extends StoreFixture {
    private final GeometryFactory factory = new GeometryFactory();

    private GeoLayer layer(String name, int count) {
        return new GeoLayer(name, GeoLayer.Kind.STAKES, "orleans", "test", Map.of("categoryProperty", "category"),
                "Point", count, Instant.parse("2026-12-01T00:00:00Z"), List.of("feature 3: repaired"));
    }

    /** 100 points on a 10 × 10 grid of 1 km around Orléans, in Lambert-93. */
    private List<GeoFeature> grid() {
        List<GeoFeature> features = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", "stake\t" + i + "\nline two \\ end");
            properties.put("category", i % 2 == 0 ? "school" : "building");
            properties.put("occupants", (long) i);
            properties.put("height", i * 0.5);
            properties.put("protected", i % 3 == 0);
            properties.put("note", null);
            features.add(new GeoFeature("s" + i, factory.createPoint(
                    new Coordinate(618000 + 1000 * (i % 10), 6750000 + 1000 * (i / 10))), properties));
        }
        return features;
    }

    @Test
    void aLayerReadsBackWithItsAttributesInOrderAndPages() {
        H2GeometryStore store = new H2GeometryStore(database);
        List<GeoFeature> features = grid();
        store.replaceLayer(layer("stakes", 100), features);

        GeoLayer stored = store.layer("stakes").orElseThrow();
        assertEquals(layer("stakes", 100), stored);
        assertEquals(100, store.count("stakes", null));
        List<GeoFeature> page = store.features("stakes", null, 40, 25);
        assertEquals(25, page.size());
        assertEquals(features.get(40), page.get(0), "id, geometry, attribute types and order survive");
        assertEquals(new ArrayList<>(features.get(40).properties().keySet()),
                new ArrayList<>(page.get(0).properties().keySet()));
        assertEquals(GeoFeature.STORED_SRID, page.get(0).geometry().getSRID());
        assertEquals(List.of(), store.features("nothing", null, 0, 10));
    }

    @Test
    void aBoundingBoxSelectsTheFeaturesThatIntersectIt() {
        H2GeometryStore store = new H2GeometryStore(database);
        store.replaceLayer(layer("stakes", 100), grid());
        // x 619500..622000 holds columns 2, 3, 4 (622000 on the edge counts); y 6750000..6751000 rows 0 and 1
        Envelope bbox = new Envelope(619500, 622000, 6749000, 6751000);
        assertEquals(6, store.count("stakes", bbox));
        assertEquals(List.of("s2", "s3", "s4", "s12", "s13", "s14"),
                store.features("stakes", bbox, 0, 100).stream().map(GeoFeature::id).toList());
        assertEquals(List.of("s4", "s12"), store.features("stakes", bbox, 2, 2).stream().map(GeoFeature::id).toList());
    }

    @Test
    void aPolygonOnlyTouchingTheBoxByItsEnvelopeIsNotReturned() {
        H2GeometryStore store = new H2GeometryStore(database);
        // a thin diagonal triangle whose envelope covers the box corner but whose surface does not
        GeoFeature diagonal = new GeoFeature("d", factory.createPolygon(new Coordinate[] {new Coordinate(0, 0),
                new Coordinate(1000, 1000), new Coordinate(1000, 990), new Coordinate(0, 0)}), Map.of());
        store.replaceLayer(layer("shapes", 1), List.of(diagonal));
        assertEquals(0, store.count("shapes", new Envelope(0, 100, 900, 1000)));
        assertEquals(1, store.count("shapes", new Envelope(400, 600, 400, 600)));
    }

    @Test
    void replacingALayerDropsItsOldFeaturesAndRemovingForgetsIt() {
        H2GeometryStore store = new H2GeometryStore(database);
        store.replaceLayer(layer("stakes", 100), grid());
        store.replaceLayer(layer("stakes", 3), grid().subList(0, 3));
        assertEquals(3, store.count("stakes", null));
        assertEquals(3, store.layer("stakes").orElseThrow().featureCount());
        assertTrue(store.removeLayer("stakes"));
        assertFalse(store.removeLayer("stakes"));
        assertTrue(store.layers().isEmpty());
        assertEquals(0, store.count("stakes", null));
    }

    @Test
    void duplicateIdsAreRefusedAndNothingIsStored() {
        H2GeometryStore store = new H2GeometryStore(database);
        List<GeoFeature> features = new ArrayList<>(grid().subList(0, 2));
        features.add(grid().get(0));
        assertThrows(IllegalArgumentException.class, () -> store.replaceLayer(layer("stakes", 3), features));
        assertTrue(store.layer("stakes").isEmpty());
    }
}

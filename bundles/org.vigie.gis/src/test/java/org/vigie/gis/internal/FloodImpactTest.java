package org.vigie.gis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.vigie.api.service.GeoFeature;

class FloodImpactTest {
    private final GeometryFactory factory = new GeometryFactory();

    /** Nested squares centred on the origin: half-width 100 m at 2 m, 200 m at 3 m, 400 m at 5 m. */
    private final List<FloodImpact.Scenario> scenarios = FloodImpact.scenarios(List.of(
            extent("s5", 400, 5.0), extent("s2", 100, "2,0"), extent("s3", 200, 3)), "level_m");

    private GeoFeature extent(String id, double halfWidth, Object level) {
        return new GeoFeature(id, factory.toGeometry(new Envelope(-halfWidth, halfWidth, -halfWidth, halfWidth)),
                Map.of("level_m", level));
    }

    private GeoFeature point(String id, double x, double y, String category) {
        return new GeoFeature(id, factory.createPoint(new Coordinate(x, y)), Map.of("category", category));
    }

    @Test
    void aPeakBetweenScenariosTakesTheNextOneUp() {
        FloodImpact.Selection selection = FloodImpact.select(scenarios, 2.4).orElseThrow();
        assertEquals("s3", selection.scenario().feature().id());
        assertFalse(selection.beyondHighest());
        assertTrue(selection.explanation().contains("next one up (3.00 m)"), selection.explanation());
        assertEquals("s3", FloodImpact.select(scenarios, 3.0).orElseThrow().scenario().feature().id(),
                "a peak on a scenario's level takes that scenario");
    }

    @Test
    void aPeakAboveEveryScenarioShowsTheHighestAndSaysSo() {
        FloodImpact.Selection selection = FloodImpact.select(scenarios, 6.2).orElseThrow();
        assertEquals("s5", selection.scenario().feature().id());
        assertTrue(selection.beyondHighest());
        assertTrue(selection.explanation().contains("above the highest"), selection.explanation());
        FloodImpact.Selection low = FloodImpact.select(scenarios, 0.5).orElseThrow();
        assertEquals("s2", low.scenario().feature().id());
        assertTrue(low.belowLowest());
        assertTrue(FloodImpact.select(List.of(), 2).isEmpty());
        assertTrue(FloodImpact.select(scenarios, Double.NaN).isEmpty());
    }

    @Test
    void theStakesInTheExtentAreListedAndCountedByCategoryWithFloodedLengths() {
        GeoFeature road = new GeoFeature("road", factory.createLineString(new Coordinate[] {new Coordinate(-500, 0),
                new Coordinate(500, 0)}), Map.of("category", "road"));
        GeoFeature inner = new GeoFeature("lane", factory.createLineString(new Coordinate[] {new Coordinate(-50, 10),
                new Coordinate(50, 10)}), Map.of("category", "road"));
        List<GeoFeature> stakes = List.of(point("school", 150, 0, "school"), point("far", 1000, 0, "school"),
                point("clinic", -190, 190, "hospital"), road, inner,
                new GeoFeature("shed", factory.createPoint(new Coordinate(0, 0)), Map.of()));
        FloodImpact.Assessment assessment = FloodImpact.assess(FloodImpact.select(scenarios, 2.5).orElseThrow(),
                stakes, "category");
        assertEquals(List.of("school", "clinic", "road", "lane", "shed"),
                assessment.reached().stream().map(r -> r.stake().id()).toList());
        assertEquals(Map.of("school", 1, "hospital", 1, "road", 2, "other", 1), assessment.countByCategory());
        assertEquals(400 + 100, assessment.lengthByCategory().get("road"), 1e-9,
                "400 m of the 1 km road are inside the 3 m extent, and the whole 100 m lane");
    }

    @Test
    void anExtentWithoutALevelOrNotAPolygonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FloodImpact.scenarios(List.of(
                new GeoFeature("x", factory.toGeometry(new Envelope(0, 1, 0, 1)), Map.of("level_m", "haut"))),
                "level_m"));
        assertThrows(IllegalArgumentException.class, () -> FloodImpact.scenarios(List.of(
                new GeoFeature("p", factory.createPoint(new Coordinate(0, 0)), Map.of("level_m", 2))), "level_m"));
    }
}

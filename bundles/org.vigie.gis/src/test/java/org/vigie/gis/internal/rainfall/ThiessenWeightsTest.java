package org.vigie.gis.internal.rainfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

class ThiessenWeightsTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    /** The square [0, 100] x [0, 100] m, 10,000 m². */
    private static final Polygon SQUARE = square(0, 0, 100);
    private static final double TIGHT = 1e-12;

    @Test
    void twoSymmetricGaugesShareTheCatchmentEqually() {
        Map<String, Double> weights = new ThiessenWeights(gauges("A", 25, 50, "B", 75, 50), SQUARE).weights();
        assertEquals(0.5, weights.get("A"), TIGHT);
        assertEquals(0.5, weights.get("B"), TIGHT);
    }

    @Test
    void fourGaugesAtQuadrantCentresGetAQuarterEach() {
        Map<String, Double> weights = new ThiessenWeights(quadrantGauges(), SQUARE).weights();
        assertEquals(List.of("A", "B", "C", "D"), List.copyOf(weights.keySet()));
        weights.values().forEach(w -> assertEquals(0.25, w, TIGHT));
    }

    @Test
    void gaugeOutsideTheCatchmentGetsTheShareNearestToIt() {
        // Bisector of (20, 50) and (140, 50) is x = 80: the outside gauge gets the strip 80..100.
        Map<String, Double> weights = new ThiessenWeights(gauges("IN", 20, 50, "OUT", 140, 50), SQUARE).weights();
        assertEquals(0.8, weights.get("IN"), TIGHT);
        assertEquals(0.2, weights.get("OUT"), TIGHT);
    }

    @Test
    void obliqueBisectorCutsTheAnalyticTriangle() {
        // Bisector of (20, 20) and (120, 120) is x + y = 140; above it lies the triangle (40,100) (100,40) (100,100).
        Map<String, Double> weights = new ThiessenWeights(gauges("A", 20, 20, "B", 120, 120), SQUARE).weights();
        assertEquals(60 * 60 / 2.0 / 10_000, weights.get("B"), TIGHT);
        assertEquals(1 - 0.18, weights.get("A"), TIGHT);
    }

    @Test
    void gaugeWithNoShareKeepsWeightZero() {
        Map<String, Double> weights = new ThiessenWeights(gauges("IN", 50, 50, "FAR", 400, 50), SQUARE).weights();
        assertEquals(Set.of("IN", "FAR"), weights.keySet());
        assertEquals(0.0, weights.get("FAR"), 0.0);
        assertEquals(1.0, weights.get("IN"), TIGHT);
    }

    @Test
    void collinearGaugesGiveParallelStrips() {
        Map<String, Double> weights =
                new ThiessenWeights(gauges("W", 10, 50, "M", 50, 50, "E", 90, 50), SQUARE).weights();
        assertEquals(0.3, weights.get("W"), TIGHT);
        assertEquals(0.4, weights.get("M"), TIGHT);
        assertEquals(0.3, weights.get("E"), TIGHT);
    }

    @Test
    void singleGaugeTakesTheWholeCatchment() {
        assertEquals(Map.of("ONLY", 1.0), new ThiessenWeights(gauges("ONLY", -500, 3), SQUARE).weights());
    }

    @Test
    void multiPolygonCatchmentIsWeightedOverAllItsParts() {
        Geometry twoParts = FACTORY.createMultiPolygon(new Polygon[] {square(0, 0, 10), square(20, 0, 10)});
        Map<String, Double> weights = new ThiessenWeights(gauges("L", 5, 5, "R", 28, 5), twoParts).weights();
        // Bisector x = 16.5 leaves the left part to L and the right part to R.
        assertEquals(0.5, weights.get("L"), TIGHT);
        assertEquals(0.5, weights.get("R"), TIGHT);
    }

    @Test
    void weightsOfAnIrregularNetworkSumToOne() {
        Polygon lShape = FACTORY.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(300, 0),
            new Coordinate(300, 80), new Coordinate(90, 120), new Coordinate(70, 400), new Coordinate(0, 400),
            new Coordinate(0, 0)});
        Map<String, Coordinate> gauges =
                gauges("A", 13, 17, "B", 250, 30, "C", 40, 350, "D", 500, 500, "E", -80, 200, "F", 150, 60);
        Map<String, Double> weights = new ThiessenWeights(gauges, lShape).weights();
        assertEquals(1.0, weights.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        weights.values().forEach(w -> assertTrue(w >= 0 && w <= 1, "weight " + w));
    }

    @Test
    void subsetWeightsAreRenormalisedOverTheGaugesThatReportedAndCached() {
        ThiessenWeights network = new ThiessenWeights(quadrantGauges(), SQUARE);
        // A (25, 25) and B (75, 25) alone: bisector x = 50, half each.
        Map<String, Double> southOnly = network.weightsFor(Set.of("B", "A"));
        assertEquals(Map.of("A", 0.5, "B", 0.5).keySet(), southOnly.keySet());
        assertEquals(0.5, southOnly.get("A"), TIGHT);
        assertEquals(0.5, southOnly.get("B"), TIGHT);
        // Without D (75, 75) its quadrant is split along the diagonal between B and C.
        Map<String, Double> withoutD = network.weightsFor(Set.of("A", "B", "C"));
        assertEquals(0.25, withoutD.get("A"), TIGHT);
        assertEquals(0.375, withoutD.get("B"), TIGHT);
        assertEquals(0.375, withoutD.get("C"), TIGHT);

        assertSame(southOnly, network.weightsFor(new TreeSet<>(Set.of("A", "B"))));
        assertSame(network.weights(), network.weightsFor(Set.of("D", "C", "B", "A")));
    }

    @Test
    void coincidentGaugesAreRefusedNamingBoth() {
        Map<String, Coordinate> gauges = gauges("ORLEANS", 40, 40, "TWIN", 40, 40);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ThiessenWeights(gauges, SQUARE));
        assertTrue(e.getMessage().contains("ORLEANS") && e.getMessage().contains("TWIN"), e.getMessage());
    }

    @Test
    void emptyOrUnknownSubsetsAreRefused() {
        ThiessenWeights network = new ThiessenWeights(quadrantGauges(), SQUARE);
        assertThrows(IllegalArgumentException.class, () -> network.weightsFor(Set.of()));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> network.weightsFor(Set.of("A", "Z")));
        assertTrue(e.getMessage().contains("Z"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ThiessenWeights(Map.of(), SQUARE));
        assertThrows(IllegalArgumentException.class,
                () -> new ThiessenWeights(quadrantGauges(), FACTORY.createPoint(new Coordinate(1, 1))));
    }

    private static Map<String, Coordinate> quadrantGauges() {
        return gauges("A", 25, 25, "B", 75, 25, "C", 25, 75, "D", 75, 75);
    }

    /** Gauges from (id, x, y) triples, in that order. */
    private static Map<String, Coordinate> gauges(Object... idXy) {
        Map<String, Coordinate> gauges = new LinkedHashMap<>();
        for (int i = 0; i < idXy.length; i += 3) {
            gauges.put((String) idXy[i], new Coordinate(((Number) idXy[i + 1]).doubleValue(),
                    ((Number) idXy[i + 2]).doubleValue()));
        }
        return gauges;
    }

    static Polygon square(double x, double y, double side) {
        return (Polygon) FACTORY.toGeometry(new Envelope(x, x + side, y, y + side));
    }
}

package org.vigie.gis.internal.rainfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.vigie.api.GeoPosition;
import org.vigie.api.Lambert93;
import org.vigie.testing.SharedData;

/**
 * The derived 1 km catchments of the Loire at Orléans (WGS84 GeoJSON), projected to Lambert-93 with the API's own
 * projection, as the platform will do before weighting.
 */
class LoireCatchmentsTest {

    private static final String CATCHMENTS =
            "loire-orleans-catchments-derived-1km/loire_orleans_catchments_1km_d8_wgs84.geojson";
    private static final String DHUY = "K437311001";
    private static final String LOIRE_AT_BLOIS = "K447001001";
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @Test
    void dhuyPolygonHasTheAreaOfItsGridCells() throws IOException {
        JsonNode feature = feature(DHUY);
        double cells = feature.at("/properties/area_km2_grid").asDouble();
        // Lambert-93 distorts areas by well under 1 % around Orléans; the polygon follows 1 km cells.
        assertEquals(cells * 1e6, lambert93(feature).getArea(), 0.01 * cells * 1e6);
    }

    @Test
    void uniformRainOverTheDhuyAveragesToItself() throws IOException {
        Polygon dhuy = lambert93(feature(DHUY));
        GridGeometry layout = coveringGrid(dhuy, 1000);
        GridWeights weights = GridOverlapWeights.compute(layout, dhuy);
        assertEquals(1.0, weights.coverage(), 1e-9);
        assertEquals(1.0, weights.cells().stream().mapToDouble(GridWeights.CellWeight::weight).sum(), 1e-9);

        ArealMean mean = ArealRainfall.grid(weights, grid(layout, (x, y) -> 5.0));
        assertEquals(5.0, mean.value(), 1e-9);
        assertEquals(1.0, mean.coverage(), 1e-9);
    }

    @Test
    void rainEqualToTheCellEastingAveragesToTheCentroidEasting() throws IOException {
        Polygon dhuy = lambert93(feature(DHUY));
        Point centroid = dhuy.getCentroid();
        // In general the area-weighted mean of cell-centre eastings is within half a cell of the centroid. Here it
        // is exact: the polygon is a union of the source's 1 km cells (edges on the kilometre lines, to a few mm
        // after the WGS84 round trip), and a whole cell of that size split by a grid of 1 km, or of any divisor of
        // 1 km, contributes exactly its own centre whatever the grid offset. Weighting by cell centre inside the
        // polygon or giving every touched cell the same weight misses by 100 to 370 m on the 1 km grid.
        for (double cellSize : new double[] {1000, 250}) {
            GridGeometry layout = coveringGrid(dhuy, cellSize);
            GridWeights weights = GridOverlapWeights.compute(layout, dhuy);
            assertEquals(centroid.getX(), ArealRainfall.grid(weights, grid(layout, (x, y) -> x)).value(), 1.0,
                    "cell size " + cellSize);
            assertEquals(centroid.getY(), ArealRainfall.grid(weights, grid(layout, (x, y) -> y)).value(), 1.0,
                    "cell size " + cellSize);
        }
    }

    @Test
    void thiessenWeightsOverTheDhuyMatchBruteForceNearestGaugeSampling() throws IOException {
        Polygon dhuy = lambert93(feature(DHUY));
        Envelope box = dhuy.getEnvelopeInternal();
        Map<String, Coordinate> gauges = new LinkedHashMap<>();
        gauges.put("WEST", new Coordinate(box.getMinX() + 0.2 * box.getWidth(), box.getMinY() + 0.3 * box.getHeight()));
        gauges.put("EAST", new Coordinate(box.getMaxX() - 0.1 * box.getWidth(), box.getMinY() + 0.6 * box.getHeight()));
        gauges.put("NORTH_OUTSIDE", new Coordinate(box.centre().x, box.getMaxY() + 2000));
        Map<String, Double> weights = new ThiessenWeights(gauges, dhuy).weights();
        assertEquals(1.0, weights.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);

        Map<String, Double> sampled = nearestGaugeShares(dhuy, gauges, 25);
        for (String id : gauges.keySet()) {
            assertTrue(weights.get(id) > 0.05, id + " should have a real share, has " + weights.get(id));
            assertEquals(sampled.get(id), weights.get(id), 0.005 * sampled.get(id), id + " within 0.5 %");
        }
    }

    /** Not an assertion on speed: prints how long the largest catchment takes, for the record. */
    @Test
    void overlapWeightsOfTheLoireAtBloisOnA1KmGrid() throws IOException {
        Polygon blois = lambert93(feature(LOIRE_AT_BLOIS));
        GridGeometry layout = coveringGrid(blois, 1000);
        GridWeights weights = null;
        long[] nanos = new long[3];
        for (int run = 0; run < nanos.length; run++) {
            long start = System.nanoTime();
            weights = GridOverlapWeights.compute(layout, blois);
            nanos[run] = System.nanoTime() - start;
        }
        assertEquals(1.0, weights.coverage(), 1e-9);
        assertEquals(5.0, ArealRainfall.grid(weights, grid(layout, (x, y) -> 5.0)).value(), 1e-9);
        System.out.printf("GridOverlapWeights, Loire at Blois (%.0f km², %d vertices), 1 km grid %d x %d: "
                        + "%d weighted cells, runs %.0f / %.0f / %.0f ms%n", blois.getArea() / 1e6,
                blois.getNumPoints(), layout.ncols(), layout.nrows(), weights.cells().size(), nanos[0] / 1e6,
                nanos[1] / 1e6, nanos[2] / 1e6);
    }

    private static JsonNode feature(String code) throws IOException {
        Path file = SharedData.file(CATCHMENTS);
        for (JsonNode feature : new ObjectMapper().readTree(file.toFile()).get("features")) {
            if (code.equals(feature.at("/properties/code_station").asText())) {
                return feature;
            }
        }
        throw new AssertionError("no catchment " + code + " in " + file);
    }

    private static Polygon lambert93(JsonNode feature) {
        JsonNode geometry = feature.get("geometry");
        assertEquals("Polygon", geometry.get("type").asText());
        List<LinearRing> rings = new ArrayList<>();
        for (JsonNode ring : geometry.get("coordinates")) {
            Coordinate[] coordinates = new Coordinate[ring.size()];
            for (int i = 0; i < ring.size(); i++) {
                Lambert93 projected = Lambert93.fromWgs84(
                        new GeoPosition(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()));
                coordinates[i] = new Coordinate(projected.x(), projected.y());
            }
            rings.add(FACTORY.createLinearRing(coordinates));
        }
        return FACTORY.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new));
    }

    /** A grid one cell wider than the polygon on every side, its origin off the 1 km lines the polygon follows. */
    private static GridGeometry coveringGrid(Polygon polygon, double cellSize) {
        Envelope box = polygon.getEnvelopeInternal();
        double xMin = Math.floor(box.getMinX() / cellSize) * cellSize - cellSize + 0.37 * cellSize;
        double yMin = Math.floor(box.getMinY() / cellSize) * cellSize - cellSize + 0.13 * cellSize;
        int ncols = (int) Math.ceil((box.getMaxX() - xMin) / cellSize) + 1;
        int nrows = (int) Math.ceil((box.getMaxY() - yMin) / cellSize) + 1;
        return new GridGeometry(xMin, yMin, cellSize, cellSize, ncols, nrows);
    }

    /** A grid whose cells hold a function of their centre. */
    private static EsriAsciiGrid grid(GridGeometry layout, DoubleBinaryOperator valueAtCentre) {
        double[] values = new double[layout.nrows() * layout.ncols()];
        for (int row = 0; row < layout.nrows(); row++) {
            for (int col = 0; col < layout.ncols(); col++) {
                values[row * layout.ncols() + col] =
                        valueAtCentre.applyAsDouble(layout.centreX(col), layout.centreY(row));
            }
        }
        return new EsriAsciiGrid(layout, values);
    }

    /** Share of lattice points inside the polygon whose nearest gauge is each gauge; independent of any Voronoi. */
    private static Map<String, Double> nearestGaugeShares(Polygon polygon, Map<String, Coordinate> gauges,
                                                          double step) {
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(polygon);
        Envelope box = polygon.getEnvelopeInternal();
        Map<String, Double> counts = new LinkedHashMap<>();
        gauges.keySet().forEach(id -> counts.put(id, 0.0));
        long inside = 0;
        Coordinate point = new Coordinate();
        for (double y = box.getMinY() + step / 2; y < box.getMaxY(); y += step) {
            for (double x = box.getMinX() + step / 2; x < box.getMaxX(); x += step) {
                point.setX(x);
                point.setY(y);
                if (locator.locate(point) != Location.INTERIOR) {
                    continue;
                }
                inside++;
                String nearest = null;
                double best = Double.POSITIVE_INFINITY;
                for (Map.Entry<String, Coordinate> gauge : gauges.entrySet()) {
                    double distance = gauge.getValue().distance(point);
                    if (distance < best) {
                        best = distance;
                        nearest = gauge.getKey();
                    }
                }
                counts.merge(nearest, 1.0, Double::sum);
            }
        }
        long total = inside;
        counts.replaceAll((id, count) -> count / total);
        return counts;
    }
}

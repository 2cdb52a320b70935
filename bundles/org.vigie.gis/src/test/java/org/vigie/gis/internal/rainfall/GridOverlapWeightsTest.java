package org.vigie.gis.internal.rainfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.vigie.gis.internal.rainfall.GridWeights.CellWeight;

class GridOverlapWeightsTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    /** 4 x 4 cells of 1 km over [0, 4] x [0, 4] km, at Lambert-93 magnitudes as in use. */
    private static final double X0 = 600_000;
    private static final double Y0 = 6_700_000;
    private static final double KM = 1000;
    private static final GridGeometry GRID = new GridGeometry(X0, Y0, KM, KM, 4, 4);

    @Test
    void polygonAlignedToCellsGetsExactCellFractions() {
        // [0.5, 2.5] x [1, 2] km: half of column 0, all of column 1, half of column 2, in row 2 (y 1..2 km).
        GridWeights weights = GridOverlapWeights.compute(GRID, rectangle(0.5, 1, 2.5, 2));
        assertEquals(List.of(new CellWeight(2, 0, 0.25), new CellWeight(2, 1, 0.5), new CellWeight(2, 2, 0.25)),
                weights.cells());
        assertEquals(1.0, weights.coverage(), 0.0);
    }

    @Test
    void cellsWhollyInsideWeighTheirAreaOverTheCatchmentArea() {
        GridWeights weights = GridOverlapWeights.compute(GRID, rectangle(1, 1, 3, 3));
        assertEquals(List.of(new CellWeight(1, 1, 0.25), new CellWeight(1, 2, 0.25), new CellWeight(2, 1, 0.25),
                new CellWeight(2, 2, 0.25)), weights.cells());
    }

    @Test
    void triangleCutsBoundaryCellsByTheirAnalyticArea() {
        // Triangle x + y <= 3.5 km (area 6.125 km²). Row 2 / column 1 is x 1..2, y 1..2 km: the corner x + y > 3.5
        // is a right triangle of legs 0.5 km, so 1 - 0.125 km² are inside. Row 2 / column 2 keeps only 0.125 km².
        Polygon triangle = polygon(0, 0, 3.5, 0, 0, 3.5);
        GridWeights weights = GridOverlapWeights.compute(GRID, triangle);
        Map<String, Double> byCell = byCell(weights);
        assertEquals(0.875 / 6.125, byCell.get("2,1"), 1e-12);
        assertEquals(0.125 / 6.125, byCell.get("2,2"), 1e-12);
        assertEquals(1 / 6.125, byCell.get("3,0"), 1e-12);
        assertEquals(0.125 / 6.125, byCell.get("0,0"), 1e-12, "x 0..1, y 3..4 km keeps the corner of legs 0.5 km");
        assertEquals(10, weights.cells().size(), "3 full cells, 3 missing a corner, 4 corner triangles");
        assertEquals(1.0, sum(weights), 1e-12);
        assertEquals(1.0, weights.coverage(), 1e-12);
    }

    @Test
    void rotatedSquareWeightsSumToOne() {
        // A square rotated by 30 degrees, centred in the grid, cutting most cells it touches.
        double[] xy = new double[8];
        for (int i = 0; i < 4; i++) {
            double angle = Math.toRadians(30 + 90 * i);
            xy[2 * i] = 2 + 1.4 * Math.cos(angle);
            xy[2 * i + 1] = 2 + 1.4 * Math.sin(angle);
        }
        Polygon rotated = polygon(xy);
        GridWeights weights = GridOverlapWeights.compute(GRID, rotated);
        assertEquals(1.0, sum(weights), 1e-12);
        assertEquals(1.0, weights.coverage(), 1e-12);
        for (CellWeight cell : weights.cells()) {
            Geometry cellRectangle = FACTORY.toGeometry(GRID.cell(cell.row(), cell.col()));
            assertEquals(cellRectangle.intersection(rotated).getArea() / rotated.getArea(), cell.weight(), 1e-12);
        }
    }

    @Test
    void gridCoveringHalfTheCatchmentReportsHalfCoverage() {
        // Catchment x 2..6 km, grid ends at x = 4 km.
        GridWeights weights = GridOverlapWeights.compute(GRID, rectangle(2, 0, 6, 2));
        assertEquals(0.5, weights.coverage(), 1e-15);
        assertEquals(4, weights.cells().size());
        weights.cells().forEach(cell -> assertEquals(0.125, cell.weight(), 1e-15));
    }

    @Test
    void catchmentOutsideTheGridHasNoCells() {
        GridWeights weights = GridOverlapWeights.compute(GRID, rectangle(10, 10, 12, 12));
        assertTrue(weights.cells().isEmpty());
        assertEquals(0.0, weights.coverage(), 0.0);
    }

    @Test
    void invalidCatchmentIsRefused() {
        Polygon bowTie = polygon(0, 0, 1, 1, 1, 0, 0, 1);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GridOverlapWeights.compute(GRID, bowTie));
        assertTrue(e.getMessage().contains("invalid"), e.getMessage());
    }

    /** A rectangle in kilometres from the grid origin. */
    static Polygon rectangle(double x1, double y1, double x2, double y2) {
        return (Polygon) FACTORY.toGeometry(new Envelope(X0 + x1 * KM, X0 + x2 * KM, Y0 + y1 * KM, Y0 + y2 * KM));
    }

    /** A closed polygon from (x, y) pairs in kilometres from the grid origin. */
    static Polygon polygon(double... xy) {
        Coordinate[] ring = new Coordinate[xy.length / 2 + 1];
        for (int i = 0; i < xy.length / 2; i++) {
            ring[i] = new Coordinate(X0 + xy[2 * i] * KM, Y0 + xy[2 * i + 1] * KM);
        }
        ring[ring.length - 1] = ring[0].copy();
        return FACTORY.createPolygon(ring);
    }

    private static Map<String, Double> byCell(GridWeights weights) {
        Map<String, Double> byCell = new HashMap<>();
        weights.cells().forEach(cell -> byCell.put(cell.row() + "," + cell.col(), cell.weight()));
        return byCell;
    }

    private static double sum(GridWeights weights) {
        return weights.cells().stream().mapToDouble(CellWeight::weight).sum();
    }
}

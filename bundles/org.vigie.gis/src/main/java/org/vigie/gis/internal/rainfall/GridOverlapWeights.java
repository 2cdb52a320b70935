package org.vigie.gis.internal.rainfall;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Exact area weights of grid cells over a catchment: a 1 km rainfall grid over a 160 km² catchment has many cells
 * cut by the boundary, and counting a cell by its centre would misweigh them. Only the cells within the catchment's
 * envelope are visited; cells wholly inside are weighted by their area, and only the boundary cells need an
 * intersection. Planar metres; the grid and the catchment must share the coordinate system.
 */
public final class GridOverlapWeights {

    private GridOverlapWeights() {
    }

    /**
     * @param catchment Polygon or MultiPolygon, valid
     * @return cells with a positive overlap; coverage below 1 when part of the catchment lies outside the grid
     */
    public static GridWeights compute(GridGeometry grid, Geometry catchment) {
        double area = Catchments.requireArea(catchment);
        Envelope window = grid.extent().intersection(catchment.getEnvelopeInternal());
        List<GridWeights.CellWeight> cells = new ArrayList<>();
        if (window.isNull()) {
            return new GridWeights(grid, cells, 0);
        }
        int firstCol = clamp((int) Math.floor((window.getMinX() - grid.xMin()) / grid.cellWidth()), grid.ncols());
        int lastCol = clamp((int) Math.ceil((window.getMaxX() - grid.xMin()) / grid.cellWidth()) - 1, grid.ncols());
        int firstRow = clamp((int) Math.floor((grid.yMax() - window.getMaxY()) / grid.cellHeight()), grid.nrows());
        int lastRow = clamp((int) Math.ceil((grid.yMax() - window.getMinY()) / grid.cellHeight()) - 1, grid.nrows());

        PreparedGeometry prepared = PreparedGeometryFactory.prepare(catchment);
        GeometryFactory factory = catchment.getFactory();
        double covered = 0;
        double compensation = 0;
        for (int row = firstRow; row <= lastRow; row++) {
            for (int col = firstCol; col <= lastCol; col++) {
                Geometry cell = factory.toGeometry(grid.cell(row, col));
                double overlap;
                if (prepared.contains(cell)) {
                    overlap = cell.getArea();
                } else if (prepared.intersects(cell)) {
                    overlap = OverlayNGRobust.overlay(cell, catchment, OverlayNG.INTERSECTION).getArea();
                } else {
                    continue;
                }
                if (overlap > 0) {
                    double weight = overlap / area;
                    cells.add(new GridWeights.CellWeight(row, col, weight));
                    // Kahan summation: tens of thousands of cells must still sum to 1 within 1e-12.
                    double term = weight - compensation;
                    double sum = covered + term;
                    compensation = (sum - covered) - term;
                    covered = sum;
                }
            }
        }
        return new GridWeights(grid, cells, covered);
    }

    private static int clamp(int index, int size) {
        return Math.max(0, Math.min(size - 1, index));
    }
}

package org.vigie.gis.internal.rainfall;

import java.util.List;

/**
 * The cells of a grid that overlap a catchment, each with the fraction of the catchment it covers, so that an areal
 * mean over any grid of this layout is one pass over a short list instead of a polygon overlay per time step.
 *
 * @param grid     the layout the rows and columns refer to
 * @param cells    cells with a positive overlap, in row then column order
 * @param coverage fraction of the catchment inside the grid (Σ weights): 1 when the grid covers it, less otherwise
 */
public record GridWeights(GridGeometry grid, List<CellWeight> cells, double coverage) {

    public GridWeights {
        cells = List.copyOf(cells);
    }

    /**
     * @param weight area(cell ∩ catchment) / area(catchment)
     */
    public record CellWeight(int row, int col, double weight) {
    }
}

package org.vigie.gis.internal.rainfall;

import org.locationtech.jts.geom.Envelope;

/**
 * Where the cells of a north-up raster lie, in planar metres; a value so that overlap weights computed once for a
 * grid can be reused for every later grid of the same layout (it is the key of the component's weight cache).
 *
 * <p>Row 0 is the northernmost row, column 0 the westernmost, as in an Esri ASCII file.
 *
 * @param xMin       west edge of the grid (lower-left corner x), metres
 * @param yMin       south edge of the grid (lower-left corner y), metres
 * @param cellWidth  cell size along x, metres
 * @param cellHeight cell size along y, metres
 * @param ncols      number of columns
 * @param nrows      number of rows
 */
public record GridGeometry(double xMin, double yMin, double cellWidth, double cellHeight, int ncols, int nrows) {

    public GridGeometry {
        if (!Double.isFinite(xMin) || !Double.isFinite(yMin)) {
            throw new IllegalArgumentException("grid origin is not finite: " + xMin + ", " + yMin);
        }
        if (!(cellWidth > 0) || !(cellHeight > 0) || Double.isInfinite(cellWidth) || Double.isInfinite(cellHeight)) {
            throw new IllegalArgumentException("cell sizes must be positive: " + cellWidth + " x " + cellHeight);
        }
        if (ncols <= 0 || nrows <= 0) {
            throw new IllegalArgumentException("grid must have cells: " + ncols + " columns x " + nrows + " rows");
        }
    }

    public double xMax() {
        return xMin + ncols * cellWidth;
    }

    public double yMax() {
        return yMin + nrows * cellHeight;
    }

    public double cellArea() {
        return cellWidth * cellHeight;
    }

    /** x of the centre of a column. */
    public double centreX(int col) {
        return xMin + (col + 0.5) * cellWidth;
    }

    /** y of the centre of a row (row 0 is the northernmost). */
    public double centreY(int row) {
        return yMin + (nrows - row - 0.5) * cellHeight;
    }

    public Envelope extent() {
        return new Envelope(xMin, xMax(), yMin, yMax());
    }

    /** The rectangle of one cell; its edges are computed from the origin so that neighbouring cells share them. */
    public Envelope cell(int row, int col) {
        checkCell(row, col);
        int fromSouth = nrows - 1 - row;
        return new Envelope(xMin + col * cellWidth, xMin + (col + 1) * cellWidth,
                yMin + fromSouth * cellHeight, yMin + (fromSouth + 1) * cellHeight);
    }

    void checkCell(int row, int col) {
        if (row < 0 || row >= nrows || col < 0 || col >= ncols) {
            throw new IndexOutOfBoundsException("cell (" + row + ", " + col + ") outside a grid of " + nrows
                    + " rows x " + ncols + " columns");
        }
    }
}

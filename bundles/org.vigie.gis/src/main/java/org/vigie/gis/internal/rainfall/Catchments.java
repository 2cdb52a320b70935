package org.vigie.gis.internal.rainfall;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/** The one check every weighting needs: an invalid polygon would give areas, hence weights, that mean nothing. */
final class Catchments {

    private Catchments() {
    }

    /** The catchment's area in square metres, or an exception saying why the geometry cannot be weighted. */
    static double requireArea(Geometry catchment) {
        if (!(catchment instanceof Polygon || catchment instanceof MultiPolygon)) {
            throw new IllegalArgumentException("catchment must be a Polygon or MultiPolygon, not "
                    + (catchment == null ? "null" : catchment.getGeometryType()));
        }
        IsValidOp validity = new IsValidOp(catchment);
        if (!validity.isValid()) {
            throw new IllegalArgumentException("catchment geometry is invalid: " + validity.getValidationError());
        }
        double area = catchment.getArea();
        if (!(area > 0)) {
            throw new IllegalArgumentException("catchment has no area");
        }
        return area;
    }
}

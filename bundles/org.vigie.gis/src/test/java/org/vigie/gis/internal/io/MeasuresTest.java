package org.vigie.gis.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.vigie.gis.internal.Reprojection;

/** Areas and lengths against closed-form values on the WGS84 ellipsoid, not against another run of the same code. */
class MeasuresTest {
    private static final double A = 6378137;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);

    @Test
    void aDegreeAlongTheEquatorIsAPiOver180thOfTheSemiMajorAxis() {
        Geometry line = Fixtures.wkt("LINESTRING (0 0, 0.5 0, 1 0)");
        assertEquals(A * Math.PI / 180, Measures.geodesicLength(line), 1e-6);
    }

    @Test
    void aSmallLatitudeLongitudeCellHasTheAreaOfItsEllipsoidalQuadrangle() {
        // along the parallels the edges are geodesics, not parallels, but over 0.1 degree the difference is below 1e-6
        Geometry cell = Fixtures.wkt("POLYGON ((1.9 47.8, 2.0 47.8, 2.0 47.9, 1.9 47.9, 1.9 47.8))");
        double expected = quadrangle(1.9, 47.8, 2.0, 47.9);
        assertEquals(expected, Measures.geodesicArea(cell), expected * 1e-6);
    }

    @Test
    void holesAreSubtractedAndPartsAdded() {
        Geometry withHole = Fixtures.wkt("POLYGON ((1.9 47.8, 2.0 47.8, 2.0 47.9, 1.9 47.9, 1.9 47.8), "
                + "(1.92 47.82, 1.92 47.87, 1.97 47.87, 1.97 47.82, 1.92 47.82))");
        double expected = quadrangle(1.9, 47.8, 2.0, 47.9) - quadrangle(1.92, 47.82, 1.97, 47.87);
        assertEquals(expected, Measures.geodesicArea(withHole), expected * 1e-6);

        Geometry two = Fixtures.wkt("MULTIPOLYGON (((1.9 47.8, 2.0 47.8, 2.0 47.9, 1.9 47.9, 1.9 47.8)), "
                + "((3.0 44.0, 3.1 44.0, 3.1 44.1, 3.0 44.1, 3.0 44.0)))");
        double sum = quadrangle(1.9, 47.8, 2.0, 47.9) + quadrangle(3.0, 44.0, 3.1, 44.1);
        assertEquals(sum, Measures.geodesicArea(two), sum * 1e-6);
        assertEquals(0, Measures.geodesicArea(Fixtures.wkt("LINESTRING (1.9 47.8, 2.0 47.9)")));
    }

    @Test
    void aLambert93GeometryIsMeasuredWhereItIs() {
        Geometry square = Fixtures.wkt("POLYGON ((619000 6754000, 620000 6754000, 620000 6755000, 619000 6755000, "
                + "619000 6754000))");
        square.setSRID(Reprojection.LAMBERT93);
        assertEquals(1e6, Measures.planarArea(square), 1e-6);
        assertEquals(4000, Measures.planarLength(square), 1e-9);
        Geometry lonLat = Reprojection.instance().transform(square, Reprojection.WGS84);
        assertEquals(Measures.geodesicArea(lonLat), Measures.geodesicArea(square), 1e-6);
        assertEquals(1e6, Measures.planarArea(lonLat), 1e-3, "a WGS84 geometry is first moved to Lambert-93");
        // around Orléans Lambert-93 shrinks lengths by 0.064 %, so a planar km² is about 1.0013 true km²
        assertEquals(1.0013e6, Measures.geodesicArea(square), 100);
    }

    /** Area between two meridians and two parallels on the ellipsoid (authalic latitude formula). */
    static double quadrangle(double lon1, double lat1, double lon2, double lat2) {
        double b2 = A * A * (1 - E2);
        return b2 * Math.toRadians(lon2 - lon1) * (q(Math.toRadians(lat2)) - q(Math.toRadians(lat1)));
    }

    private static double q(double latitude) {
        double e = Math.sqrt(E2);
        double s = Math.sin(latitude);
        return s / (2 * (1 - E2 * s * s)) + Math.log((1 + e * s) / (1 - e * s)) / (4 * e);
    }
}

package org.vigie.gis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class ReprojectionTest {
    private final Reprojection reprojection = Reprojection.instance();

    @Test
    void bloisGaugeLandsOnItsPublishedLambert93Coordinates() {
        // Hub'Eau's referential gives K447001001 (Blois) at x 574873, y 6721828 (Lambert-93) for lon 1.335148, lat 47.584957
        double[] xy = reprojection.transform(1.335147948, 47.584957074, Reprojection.WGS84, Reprojection.LAMBERT93);
        assertEquals(574873, xy[0], 2.0);
        assertEquals(6721828, xy[1], 2.0);
    }

    @Test
    void aGeometryGoesThereAndBackWithinAMillimetre() {
        Geometry point = new GeometryFactory().createPoint(new Coordinate(1.904789, 47.897324));
        point.setSRID(Reprojection.WGS84);
        Geometry lambert = reprojection.transform(point, Reprojection.LAMBERT93);
        assertEquals(Reprojection.LAMBERT93, lambert.getSRID());
        Geometry back = reprojection.transform(lambert, Reprojection.WGS84);
        assertEquals(1.904789, back.getCoordinate().x, 1e-8);
        assertEquals(47.897324, back.getCoordinate().y, 1e-8);
        assertEquals(1.904789, point.getCoordinate().x, 0.0, "the source geometry is left alone");
    }

    @Test
    void anUnknownSystemIsRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> reprojection.transform(0, 0, 999999, Reprojection.WGS84));
    }
}

package org.vigie.gis.internal.io;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryComponentFilter;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.vigie.gis.internal.Reprojection;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;

/**
 * Metric areas and lengths. Both kinds are offered because they answer different questions: the planar Lambert-93
 * measure is what a French GIS shows and matches the 1 km grid cells Vigie's catchments are made of, but Lambert-93
 * is conformal, not equal-area: its scale factor k runs from 0.99905 at 46.5°N to 1.0017 at 42.3°N and 1.0023 at
 * Dunkirk, so planar areas (k²) are off by -0.19 % to +0.47 % over mainland France, -0.13 % around Orléans. The
 * geodesic measure, on the WGS84 ellipsoid with GeographicLib (GRS80, the RGF93 ellipsoid, differs from it by 0.1 mm
 * in the semi-minor axis), is the true one.
 */
public final class Measures {
    private Measures() {
    }

    /**
     * @param geometry in EPSG:4326 (SRID 4326 or 0; any other SRID is first transformed to it)
     * @return the area on the ellipsoid in m²: polygon shells minus their holes, parts of multi-geometries summed,
     * zero for points and lines
     */
    public static double geodesicArea(Geometry geometry) {
        Geometry lonLat = toWgs84(geometry);
        double area = 0;
        for (int i = 0; i < lonLat.getNumGeometries(); i++) {
            Geometry part = lonLat.getGeometryN(i);
            if (part instanceof Polygon polygon && !polygon.isEmpty()) {
                area += ringArea(polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    area -= ringArea(polygon.getInteriorRingN(h));
                }
            } else if (part != lonLat) {
                area += geodesicArea(part); // a collection inside a collection
            }
        }
        return area;
    }

    /**
     * @param geometry in EPSG:4326 (SRID 4326 or 0; any other SRID is first transformed to it)
     * @return the length on the ellipsoid in m of every line and ring (a polygon's perimeter, as JTS's getLength)
     */
    public static double geodesicLength(Geometry geometry) {
        Geometry lonLat = toWgs84(geometry);
        double[] length = {0};
        lonLat.apply((GeometryComponentFilter) component -> {
            if (component instanceof LineString line) {
                Coordinate[] points = line.getCoordinates();
                for (int i = 1; i < points.length; i++) {
                    length[0] += Geodesic.WGS84.Inverse(points[i - 1].y, points[i - 1].x, points[i].y, points[i].x).s12;
                }
            }
        });
        return length[0];
    }

    /** @return the planar area in m² in Lambert-93 ({@code geometry} in EPSG:2154, SRID 2154 or 0, or transformed) */
    public static double planarArea(Geometry geometry) {
        return toLambert93(geometry).getArea();
    }

    /** @return the planar length in m in Lambert-93 ({@code geometry} in EPSG:2154, SRID 2154 or 0, or transformed) */
    public static double planarLength(Geometry geometry) {
        return toLambert93(geometry).getLength();
    }

    private static double ringArea(LineString ring) {
        PolygonArea polygon = new PolygonArea(Geodesic.WGS84, false);
        Coordinate[] points = ring.getCoordinates();
        for (int i = 0; i < points.length - 1; i++) { // the closing point repeats the first
            polygon.AddPoint(points[i].y, points[i].x);
        }
        return Math.abs(polygon.Compute(false, true).area);
    }

    private static Geometry toWgs84(Geometry geometry) {
        int srid = geometry.getSRID();
        return srid == 0 || srid == Reprojection.WGS84 ? geometry
                : Reprojection.instance().transform(geometry, Reprojection.WGS84);
    }

    private static Geometry toLambert93(Geometry geometry) {
        int srid = geometry.getSRID();
        return srid == 0 || srid == Reprojection.LAMBERT93 ? geometry
                : Reprojection.instance().transform(geometry, Reprojection.LAMBERT93);
    }
}

package org.vigie.gis.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cts.CRSFactory;
import org.cts.crs.CRSException;
import org.cts.crs.GeodeticCRS;
import org.cts.op.CoordinateOperation;
import org.cts.op.CoordinateOperationException;
import org.cts.op.CoordinateOperationFactory;
import org.cts.registry.EPSGRegistry;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Moves geometries between the coordinate reference systems Vigie reads and writes, with CTS (the library H2GIS's
 * {@code ST_Transform} uses). Stored geometries are in Lambert-93; maps and OGC API clients want WGS84 lon/lat.
 */
public final class Reprojection {
    /** WGS84 longitude/latitude (x = longitude). */
    public static final int WGS84 = 4326;
    /** RGF93 / Lambert-93, metres. */
    public static final int LAMBERT93 = 2154;

    private static final Reprojection INSTANCE = new Reprojection();

    private final CRSFactory factory = new CRSFactory();
    private final Map<Long, CoordinateOperation> operations = new ConcurrentHashMap<>();

    private Reprojection() {
        factory.getRegistryManager().addRegistry(new EPSGRegistry());
    }

    public static Reprojection instance() {
        return INSTANCE;
    }

    /** @return whether geometries can be written in (or read from) that EPSG code */
    public static boolean isSupported(int srid) {
        return srid == WGS84 || srid == LAMBERT93;
    }

    /**
     * @return a copy of {@code geometry} (whose SRID says where it is) in {@code targetSrid}; the geometry itself when
     * it already is
     * @throws IllegalArgumentException when either system is unknown
     */
    public Geometry transform(Geometry geometry, int targetSrid) {
        int sourceSrid = geometry.getSRID();
        if (sourceSrid == targetSrid) {
            return geometry;
        }
        CoordinateOperation operation = operation(sourceSrid, targetSrid);
        Geometry copy = geometry.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence sequence, int i) {
                double[] xy = apply(operation, sequence.getX(i), sequence.getY(i));
                sequence.setOrdinate(i, 0, xy[0]);
                sequence.setOrdinate(i, 1, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.setSRID(targetSrid);
        return copy;
    }

    /** @return {@code x, y} moved from one system to another */
    public double[] transform(double x, double y, int sourceSrid, int targetSrid) {
        return sourceSrid == targetSrid ? new double[] {x, y} : apply(operation(sourceSrid, targetSrid), x, y);
    }

    /** @return an envelope covering the transformed corners and edge midpoints of {@code envelope} */
    public Envelope transform(Envelope envelope, int sourceSrid, int targetSrid) {
        if (sourceSrid == targetSrid || envelope.isNull()) {
            return new Envelope(envelope);
        }
        Envelope result = new Envelope();
        double[] xs = {envelope.getMinX(), (envelope.getMinX() + envelope.getMaxX()) / 2, envelope.getMaxX()};
        double[] ys = {envelope.getMinY(), (envelope.getMinY() + envelope.getMaxY()) / 2, envelope.getMaxY()};
        for (double x : xs) {
            for (double y : ys) {
                double[] moved = transform(x, y, sourceSrid, targetSrid);
                result.expandToInclude(moved[0], moved[1]);
            }
        }
        return result;
    }

    private CoordinateOperation operation(int sourceSrid, int targetSrid) {
        return operations.computeIfAbsent(((long) sourceSrid << 32) | targetSrid, key -> {
            try {
                GeodeticCRS source = (GeodeticCRS) factory.getCRS("EPSG:" + sourceSrid);
                GeodeticCRS target = (GeodeticCRS) factory.getCRS("EPSG:" + targetSrid);
                return CoordinateOperationFactory.getMostPrecise(
                        CoordinateOperationFactory.createCoordinateOperations(source, target));
            } catch (CRSException | CoordinateOperationException | RuntimeException e) {
                throw new IllegalArgumentException("no transformation from EPSG:" + sourceSrid + " to EPSG:"
                        + targetSrid + ": " + e.getMessage(), e);
            }
        });
    }

    private static double[] apply(CoordinateOperation operation, double x, double y) {
        try {
            double[] moved = operation.transform(new double[] {x, y});
            return new double[] {moved[0], moved[1]};
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot transform (" + x + ", " + y + "): " + e.getMessage(), e);
        }
    }
}

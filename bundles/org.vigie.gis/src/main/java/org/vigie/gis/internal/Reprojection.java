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

    /**
     * @return an envelope covering {@code envelope} moved to another system. Parallels are arcs in Lambert-93 (and its
     * horizontal lines curves in latitude), so the edges are sampled about every 1/8° (12.5 km), not only at the
     * corners: a 7°-wide box would otherwise miss ~1 km at its bottom edge.
     */
    public Envelope transform(Envelope envelope, int sourceSrid, int targetSrid) {
        if (sourceSrid == targetSrid || envelope.isNull()) {
            return new Envelope(envelope);
        }
        double step = sourceSrid == WGS84 ? 0.125 : 12_500;
        int columns = (int) Math.max(2, Math.min(1024, Math.ceil(envelope.getWidth() / step) + 1));
        int rows = (int) Math.max(2, Math.min(1024, Math.ceil(envelope.getHeight() / step) + 1));
        Envelope result = new Envelope();
        for (int i = 0; i < columns; i++) {
            double x = envelope.getMinX() + envelope.getWidth() * i / (columns - 1);
            for (int j = 0; j < rows; j++) {
                // the edges are enough: inside the box, the transformed points stay inside the transformed edges
                if (i > 0 && i < columns - 1 && j > 0 && j < rows - 1) {
                    continue;
                }
                double[] moved = transform(x, envelope.getMinY() + envelope.getHeight() * j / (rows - 1),
                        sourceSrid, targetSrid);
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

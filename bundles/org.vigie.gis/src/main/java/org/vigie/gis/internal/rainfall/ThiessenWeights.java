package org.vigie.gis.internal.rainfall;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Thiessen (Voronoi) weights of a rain-gauge network over one catchment: each gauge stands for the part of the
 * catchment nearer to it than to any other gauge. Planar metres (Lambert-93); the caller reprojects.
 *
 * <p>Gauges report intermittently, so the weights depend on which gauges reported: {@link #weightsFor(Set)} computes
 * them once per subset and keeps them (thread-safe). A gauge outside the catchment still gets the share of the
 * catchment nearest to it; a gauge with no share gets weight 0 and stays in the result. Weights sum to 1.
 * The cache is unbounded: a network of n gauges has at most 2^n − 1 subsets, in practice a handful recur.
 */
public final class ThiessenWeights {

    private final Map<String, Coordinate> gauges;
    private final Geometry catchment;
    private final double area;
    private final Map<List<String>, Map<String, Double>> cache = new ConcurrentHashMap<>();

    /**
     * @param gauges    gauge id → position in metres, at least one, no two at the same place
     * @param catchment Polygon or MultiPolygon, valid, in the same planar system
     */
    public ThiessenWeights(Map<String, Coordinate> gauges, Geometry catchment) {
        this.area = Catchments.requireArea(catchment);
        if (gauges.isEmpty()) {
            throw new IllegalArgumentException("no rain gauge");
        }
        Map<Coordinate, String> byPosition = new HashMap<>();
        Map<String, Coordinate> copy = new TreeMap<>();
        gauges.forEach((id, position) -> {
            if (!Double.isFinite(position.getX()) || !Double.isFinite(position.getY())) {
                throw new IllegalArgumentException("gauge " + id + " has no finite position: " + position);
            }
            Coordinate planar = new Coordinate(position.getX(), position.getY());
            String other = byPosition.putIfAbsent(planar, id);
            if (other != null) {
                throw new IllegalArgumentException("gauges " + other + " and " + id + " are at the same position ("
                        + planar.getX() + ", " + planar.getY() + "); Thiessen polygons need distinct points");
            }
            copy.put(id, planar);
        });
        this.gauges = Collections.unmodifiableMap(copy);
        this.catchment = catchment.copy();
    }

    /** The gauges' weights when all of them reported. */
    public Map<String, Double> weights() {
        return weightsFor(gauges.keySet());
    }

    /**
     * The weights of the gauges that reported, over the whole catchment; computed once per subset.
     *
     * @param available ids of the network's gauges, at least one
     * @return gauge id → weight in [0, 1], sorted by id, summing to 1; unmodifiable
     * @throws IllegalArgumentException when the subset is empty or names a gauge outside the network
     */
    public Map<String, Double> weightsFor(Set<String> available) {
        if (available.isEmpty()) {
            throw new IllegalArgumentException("no gauge available: Thiessen weights need at least one");
        }
        List<String> key = new ArrayList<>(available);
        Collections.sort(key);
        for (String id : key) {
            if (!gauges.containsKey(id)) {
                throw new IllegalArgumentException("gauge " + id + " is not in the network " + gauges.keySet());
            }
        }
        return cache.computeIfAbsent(List.copyOf(key), this::compute);
    }

    /** The gauges of the network, id → planar position; unmodifiable. */
    public Map<String, Coordinate> gauges() {
        return gauges;
    }

    private Map<String, Double> compute(List<String> ids) {
        Map<String, Double> weights = new LinkedHashMap<>();
        if (ids.size() == 1) {
            weights.put(ids.get(0), 1.0);
            return Collections.unmodifiableMap(weights);
        }
        Map<Coordinate, String> idByPosition = new HashMap<>();
        Envelope clip = catchment.getEnvelopeInternal().copy();
        for (String id : ids) {
            Coordinate position = gauges.get(id);
            idByPosition.put(position, id);
            clip.expandToInclude(position);
            weights.put(id, 0.0);
        }
        // Margin so that the outer cells, infinite in theory, cover every corner of the catchment once clipped.
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));

        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(idByPosition.keySet());
        builder.setClipEnvelope(clip);
        Geometry cells = builder.getDiagram(new GeometryFactory(catchment.getPrecisionModel(), catchment.getSRID()));
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            String id = idByPosition.get((Coordinate) cell.getUserData());
            if (id == null) {
                throw new IllegalStateException("Voronoi cell of an unknown site " + cell.getUserData());
            }
            double overlap = OverlayNGRobust.overlay(cell, catchment, OverlayNG.INTERSECTION).getArea();
            weights.merge(id, overlap / area, Double::sum);
        }
        return Collections.unmodifiableMap(weights);
    }
}

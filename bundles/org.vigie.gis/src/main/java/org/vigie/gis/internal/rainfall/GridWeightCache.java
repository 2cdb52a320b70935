package org.vigie.gis.internal.rainfall;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.locationtech.jts.geom.Geometry;

/**
 * Grid overlap weights computed once per (grid layout, catchment) and reused for every time step, since a rainfall
 * product keeps its layout for years while the overlay costs far more than the weighted sum. Thread-safe.
 *
 * <p>The catchment geometries come from a lookup by id, so an id always means the geometry the lookup returns;
 * when a catchment's geometry changes, {@link #evict(String)} it.
 */
public final class GridWeightCache {

    private final Function<String, ? extends Geometry> catchments;
    private final Map<Key, GridWeights> cache = new ConcurrentHashMap<>();

    /** @param catchments catchment id → planar Polygon or MultiPolygon, null for an unknown id */
    public GridWeightCache(Function<String, ? extends Geometry> catchments) {
        this.catchments = Objects.requireNonNull(catchments);
    }

    /** @throws IllegalArgumentException for an unknown catchment or an unusable geometry */
    public GridWeights weightsFor(GridGeometry grid, String catchmentId) {
        return cache.computeIfAbsent(new Key(grid, catchmentId), key -> {
            Geometry catchment = catchments.apply(catchmentId);
            if (catchment == null) {
                throw new IllegalArgumentException("unknown catchment " + catchmentId);
            }
            return GridOverlapWeights.compute(grid, catchment);
        });
    }

    /** Forgets the weights of a catchment for every grid, e.g. after its geometry was redrawn. */
    public void evict(String catchmentId) {
        cache.keySet().removeIf(key -> key.catchmentId().equals(catchmentId));
    }

    private record Key(GridGeometry grid, String catchmentId) {
    }
}

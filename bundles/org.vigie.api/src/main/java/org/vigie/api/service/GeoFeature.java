package org.vigie.api.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a {@link GeoLayer}: an identifier, a geometry in Lambert-93 (EPSG:2154, metres) and its attributes.
 *
 * @param id         unique within its layer
 * @param geometry   the geometry, in EPSG:2154; its SRID is set to 2154
 * @param properties attributes in their source order; values are strings, numbers, booleans or {@code null}
 * @since 1.2
 */
public record GeoFeature(String id, Geometry geometry, Map<String, Object> properties) {
    /** The spatial reference every stored geometry is in: Lambert-93. */
    public static final int STORED_SRID = 2154;

    public GeoFeature {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a feature needs an id");
        }
        Objects.requireNonNull(geometry, "geometry of feature " + id);
        geometry.setSRID(STORED_SRID);
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}

package org.vigie.gis.internal;

import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.vigie.api.service.GeoFeature;

/** The layers the GIS serves and exports: stored layers and the live situation (stations, impacts…). */
public interface LayerSource {

    /** @return every layer, by name */
    List<LayerInfo> layers();

    /** @return the layer of that name */
    Optional<LayerInfo> layer(String name);

    /**
     * @param bbox Lambert-93 envelope the features must intersect, or {@code null} for all
     * @return the layer's features (geometries in Lambert-93) in a stable order, {@code offset} skipped, at most
     * {@code limit}; empty when there is no such layer
     */
    List<GeoFeature> features(String name, Envelope bbox, int offset, int limit);

    /** @return how many of the layer's features intersect {@code bbox} ({@code null}: all) */
    int count(String name, Envelope bbox);

    /**
     * What a client needs to know of a layer before reading it.
     *
     * @param name         URL-safe identifier
     * @param title        human-readable title
     * @param kind         CATCHMENT, RIVER, STATION, FLOOD_EXTENT, STAKES, REFERENCE, or a situation layer's kind
     * @param geometryType e.g. "Point", "MultiPolygon", or "Geometry" when mixed
     * @param extent       Lambert-93 extent of the features, or {@code null} when empty
     */
    record LayerInfo(String name, String title, String kind, String geometryType, Envelope extent) {
    }
}

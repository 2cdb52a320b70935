package org.vigie.api.service;

import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Layers of geometries kept spatially, in Lambert-93 (EPSG:2154).
 *
 * @since 1.2
 */
@ProviderType
public interface GeometryStore {

    /**
     * Stores a layer with its features, replacing a layer of the same name in one transaction.
     *
     * @throws IllegalArgumentException when two features share an id
     * @throws StoreException           when it could not be saved
     */
    void replaceLayer(GeoLayer layer, List<GeoFeature> features);

    /** @return every stored layer, by name */
    List<GeoLayer> layers();

    /** @return the layer of that name */
    Optional<GeoLayer> layer(String name);

    /**
     * @param bbox   Lambert-93 envelope the features must intersect, or {@code null} for all
     * @param offset features to skip, in the layer's order
     * @param limit  most features returned
     * @return the layer's features in their import order; empty when the layer does not exist
     */
    List<GeoFeature> features(String layer, Envelope bbox, int offset, int limit);

    /** @return how many of the layer's features intersect {@code bbox} ({@code null}: all) */
    int count(String layer, Envelope bbox);

    /** @return whether a layer of that name was there and is now removed */
    boolean removeLayer(String name);
}

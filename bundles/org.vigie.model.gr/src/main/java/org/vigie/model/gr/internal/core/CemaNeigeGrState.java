package org.vigie.model.gr.internal.core;

import java.util.List;
import java.util.Objects;

import org.vigie.hydrology.internal.snow.CemaNeigeLayerState;

/**
 * The state of a CemaNeige–GR coupling between two time steps: the GR model's stores and unit hydrographs, and one
 * snow state per elevation layer (snow pack G, thermal state eTG and, with hysteresis, the melt thresholds and the
 * snow-cover ratio). Immutable; a run resumed from it gives the same numbers, bit for bit, as one uninterrupted run.
 *
 * @param gr     the GR state
 * @param layers one CemaNeige state per elevation layer, lowest layer first, as the layer inputs order them
 */
public record CemaNeigeGrState(GrState gr, List<CemaNeigeLayerState> layers) {

    public CemaNeigeGrState {
        Objects.requireNonNull(gr, "gr");
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("at least one elevation layer is required");
        }
    }

    public int layerCount() {
        return layers.size();
    }

    /** @return the catchment snow water equivalent [mm]: the layers' snow packs averaged (equal-area layers) */
    public double meanSnowPack() {
        double sum = 0;
        for (CemaNeigeLayerState layer : layers) {
            sum += layer.snowPack();
        }
        return sum / layers.size();
    }
}

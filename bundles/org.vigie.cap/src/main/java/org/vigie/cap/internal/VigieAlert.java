package org.vigie.cap.internal;

import java.util.List;
import java.util.Objects;

import org.vigie.api.AlertEvent;
import org.vigie.api.GeoPosition;

/**
 * A Vigie alert with what its CAP document needs besides the {@link AlertEvent}.
 *
 * @param event                 the alert
 * @param stationName           the station's display name, e.g. "La Loire à Orléans - Pont Royal"
 * @param catchmentName         the catchment's display name, e.g. "Orléans Métropole"
 * @param stationPosition       the station's WGS84 position, or {@code null}; used as a circle when there is no area
 * @param exceedanceProbability for a forecast-based alert, the forecast probability in [0, 1] of exceeding the
 *                              threshold, or {@code null} when unknown (ignored for observed alerts)
 * @param areaRings             the area as WGS84 rings of {@link GeoPosition} (longitude, latitude), each an outer
 *                              ring (CAP has no holes); open rings are closed; may be empty
 * @param references            the earlier CAP messages of the same episode ({@link CapAlert#reference()}), cited by
 *                              an Update; may be empty
 */
public record VigieAlert(AlertEvent event, String stationName, String catchmentName, GeoPosition stationPosition,
                         Double exceedanceProbability, List<List<GeoPosition>> areaRings,
                         List<CapReference> references) {

    public VigieAlert {
        Objects.requireNonNull(event, "event");
        stationName = stationName == null || stationName.isBlank() ? event.stationCode() : stationName;
        catchmentName = catchmentName == null ? "" : catchmentName;
        if (exceedanceProbability != null && !(exceedanceProbability >= 0 && exceedanceProbability <= 1)) {
            throw new IllegalArgumentException("exceedance probability must be in [0, 1]: " + exceedanceProbability);
        }
        areaRings = areaRings == null ? List.of() : areaRings.stream().map(List::copyOf).toList();
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** An alert with names only: no position, probability, area or references. */
    public static VigieAlert of(AlertEvent event, String stationName, String catchmentName) {
        return new VigieAlert(event, stationName, catchmentName, null, null, List.of(), List.of());
    }

    public VigieAlert withStationPosition(GeoPosition position) {
        return new VigieAlert(event, stationName, catchmentName, position, exceedanceProbability, areaRings,
                references);
    }

    public VigieAlert withExceedanceProbability(Double probability) {
        return new VigieAlert(event, stationName, catchmentName, stationPosition, probability, areaRings, references);
    }

    public VigieAlert withArea(List<List<GeoPosition>> rings) {
        return new VigieAlert(event, stationName, catchmentName, stationPosition, exceedanceProbability, rings,
                references);
    }

    public VigieAlert withReferences(List<CapReference> earlier) {
        return new VigieAlert(event, stationName, catchmentName, stationPosition, exceedanceProbability, areaRings,
                earlier);
    }
}

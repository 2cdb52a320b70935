package org.vigie.api;

import java.util.List;
import java.util.Objects;

/**
 * A river catchment as Vigie watches it: its stations, their thresholds, their stage–discharge curves and its
 * forecast points. Catchments arrive as data bundles and leave with them.
 *
 * @param id             unique id, e.g. "orleans"
 * @param name           display name
 * @param stations       the stations
 * @param thresholds     vigilance thresholds of those stations
 * @param forecastPoints where forecasts are made
 * @param ratingCurves   stage–discharge curves of those stations shipped with the definition (curves fitted later
 *                       are kept by {@link org.vigie.api.service.RatingCurveStore})
 * @param area           the catchment's outline as one WGS84 ring (first point not repeated), empty when unknown;
 *                       alerts give it as their area (e.g. the CAP polygon)
 */
public record Catchment(String id, String name, List<Station> stations, List<Threshold> thresholds,
                        List<ForecastPoint> forecastPoints, List<RatingCurve> ratingCurves, List<GeoPosition> area) {
    public Catchment {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        stations = List.copyOf(stations);
        thresholds = List.copyOf(thresholds);
        forecastPoints = List.copyOf(forecastPoints);
        ratingCurves = ratingCurves == null ? List.of() : List.copyOf(ratingCurves);
        area = area == null ? List.of() : List.copyOf(area);
        if (!area.isEmpty() && area.size() < 3) {
            throw new IllegalArgumentException("catchment " + id + ": an area needs at least 3 points");
        }
    }

    /** A catchment without an outline. */
    public Catchment(String id, String name, List<Station> stations, List<Threshold> thresholds,
                     List<ForecastPoint> forecastPoints, List<RatingCurve> ratingCurves) {
        this(id, name, stations, thresholds, forecastPoints, ratingCurves, List.of());
    }

    /** A catchment without rating curves. */
    public Catchment(String id, String name, List<Station> stations, List<Threshold> thresholds,
                     List<ForecastPoint> forecastPoints) {
        this(id, name, stations, thresholds, forecastPoints, List.of(), List.of());
    }

    /** @return the thresholds of one station and quantity */
    public List<Threshold> thresholds(String stationCode, Quantity quantity) {
        return thresholds.stream()
                .filter(t -> t.stationCode().equals(stationCode) && t.quantity() == quantity)
                .toList();
    }
}

package org.vigie.gis.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Catchment;
import org.vigie.api.Forecast;
import org.vigie.api.ForecastPoint;
import org.vigie.api.GeoPosition;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.GeoFeature;
import org.vigie.api.service.GeoLayer;
import org.vigie.api.service.GeometryStore;
import org.vigie.api.service.SeriesStore;
import org.vigie.gis.internal.io.Measures;

/**
 * The current situation as map layers, computed from the platform's state at one instant: stations (latest values,
 * vigilance colour, forecast peak), catchments (colour), the flood extent matching each reference station's expected
 * peak, and the stakes it reaches.
 */
public final class Situation {
    /** Names of the situation layers, in the order they are listed. */
    public static final String STATIONS = "stations";
    public static final String CATCHMENTS = "catchments";
    public static final String FLOOD_EXTENT = "flood-extent";
    public static final String IMPACTED_STAKES = "impacted-stakes";
    public static final List<String> LAYERS = List.of(STATIONS, CATCHMENTS, FLOOD_EXTENT, IMPACTED_STAKES);

    private static final Logger LOG = LoggerFactory.getLogger(Situation.class);
    private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(),
            GeoFeature.STORED_SRID);

    /**
     * The level expected at a station: the highest peak of its current level forecasts, else its latest observed
     * level.
     *
     * @param basis "forecast <point> issued <time>" or "observed"
     */
    public record Outlook(String stationCode, double level, Instant time, String basis) {
    }

    /** The impact of one flood-extent layer's expected peak. */
    public record Impact(GeoLayer extentLayer, Outlook outlook, FloodImpact.Assessment assessment) {
    }

    private final Map<String, List<GeoFeature>> layers;
    private final List<Impact> impacts;
    private final Instant at;

    private Situation(Map<String, List<GeoFeature>> layers, List<Impact> impacts, Instant at) {
        this.layers = layers;
        this.impacts = impacts;
        this.at = at;
    }

    /** @return the features of a situation layer, geometries in Lambert-93 */
    public List<GeoFeature> layer(String name) {
        return layers.getOrDefault(name, List.of());
    }

    public List<Impact> impacts() {
        return impacts;
    }

    public Instant at() {
        return at;
    }

    /** The services a situation is read from. */
    public record Sources(CatchmentRegistry catchments, SeriesStore series, ForecastArchive forecasts,
                          AlertStore alerts, GeometryStore geometries) {

        /** @return the level expected at the station, from forecasts still running at {@code now}, else observed */
        public Optional<Outlook> outlook(String stationCode, Instant now) {
            Outlook best = null;
            for (ForecastPoint point : catchments.forecastPoints()) {
                if (!point.stationCode().equals(stationCode)) {
                    continue;
                }
                for (String id : List.of(point.id(), point.id() + "/H")) {
                    Optional<Forecast> forecast = forecasts.latest(id);
                    if (forecast.isEmpty() || forecast.get().quantity() != Quantity.H || forecast.get().size() == 0
                            || forecast.get().validTime(forecast.get().size() - 1).isBefore(now)) {
                        continue;
                    }
                    Forecast.Peak peak = forecast.get().peak();
                    if (best == null || peak.value() > best.level()) {
                        best = new Outlook(stationCode, peak.value(), peak.time(),
                                "forecast " + id + " issued " + forecast.get().issueTime());
                    }
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
            return series.latest(stationCode, Quantity.H)
                    .map(o -> new Outlook(stationCode, o.value(), o.time(), "observed"));
        }
    }

    /** Reads the situation at {@code now}. */
    public static Situation read(Sources sources, Instant now) {
        Map<String, VigilanceLevel> levels = sources.alerts().currentLevels();
        Map<String, List<GeoFeature>> layers = new LinkedHashMap<>();
        layers.put(STATIONS, stations(sources, levels, now));
        layers.put(CATCHMENTS, catchments(sources, levels));
        List<Impact> impacts = impacts(sources, now);
        List<GeoFeature> extents = new ArrayList<>();
        List<GeoFeature> stakes = new ArrayList<>();
        for (Impact impact : impacts) {
            FloodImpact.Selection selection = impact.assessment().selection();
            GeoFeature scenario = selection.scenario().feature();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("station", impact.outlook().stationCode());
            properties.put("extent_layer", impact.extentLayer().name());
            properties.put("scenario", scenario.id());
            properties.put("scenario_level_m", selection.scenario().level());
            properties.put("expected_peak_m", impact.outlook().level());
            properties.put("expected_peak_time", impact.outlook().time().toString());
            properties.put("basis", impact.outlook().basis());
            properties.put("selection", selection.explanation());
            properties.put("vigilance", vigilance(levels, impact.outlook().stationCode()).name());
            properties.put("colour", colour(vigilance(levels, impact.outlook().stationCode())));
            properties.put("stakes_reached", impact.assessment().reached().size());
            extents.add(new GeoFeature(impact.extentLayer().name() + ":" + scenario.id(), scenario.geometry(),
                    properties));
            for (FloodImpact.Reached reached : impact.assessment().reached()) {
                Map<String, Object> stake = new LinkedHashMap<>(reached.stake().properties());
                stake.put("category", reached.category());
                stake.put("station", impact.outlook().stationCode());
                stake.put("scenario", scenario.id());
                if (reached.floodedLength() > 0) {
                    stake.put("flooded_length_m", Math.round(reached.floodedLength() * 10) / 10.0);
                }
                stake.put("vigilance", properties.get("vigilance"));
                stake.put("colour", properties.get("colour"));
                stakes.add(new GeoFeature(impact.extentLayer().name() + ":" + reached.stake().id(),
                        reached.stake().geometry(), stake));
            }
        }
        layers.put(FLOOD_EXTENT, extents);
        layers.put(IMPACTED_STAKES, stakes);
        return new Situation(layers, impacts, now);
    }

    /** @return the impact of every flood-extent layer, at its reference station's expected peak */
    static List<Impact> impacts(Sources sources, Instant now) {
        List<Impact> impacts = new ArrayList<>();
        List<GeoLayer> stored = sources.geometries().layers();
        for (GeoLayer layer : stored) {
            if (layer.kind() != GeoLayer.Kind.FLOOD_EXTENT) {
                continue;
            }
            String station = layer.settings().get("station");
            Optional<Outlook> outlook = station == null ? Optional.empty() : sources.outlook(station, now);
            if (outlook.isEmpty()) {
                continue;
            }
            try {
                impact(sources, stored, layer, outlook.get()).ifPresent(impacts::add);
            } catch (IllegalArgumentException e) {
                // one unusable layer (imported before its levels were checked) must not hide the others
                LOG.warn("flood-extent layer {} left out of the situation: {}", layer.name(), e.getMessage());
            }
        }
        return impacts;
    }

    /** @return the impact of one flood-extent layer at a given level */
    static Optional<Impact> impact(Sources sources, List<GeoLayer> stored, GeoLayer extentLayer, Outlook outlook) {
        List<FloodImpact.Scenario> scenarios = FloodImpact.scenarios(
                sources.geometries().features(extentLayer.name(), null, 0, Integer.MAX_VALUE),
                extentLayer.settings().getOrDefault("levelProperty", "level"));
        Optional<FloodImpact.Selection> selection = FloodImpact.select(scenarios, outlook.level());
        if (selection.isEmpty()) {
            return Optional.empty();
        }
        List<GeoFeature> stakes = new ArrayList<>();
        for (GeoLayer layer : stored) {
            // stakes of the same catchment (or of none) are the ones its studies speak of
            if (layer.kind() == GeoLayer.Kind.STAKES && (layer.catchmentId() == null
                    || extentLayer.catchmentId() == null || layer.catchmentId().equals(extentLayer.catchmentId()))) {
                String property = layer.settings().getOrDefault("categoryProperty", "category");
                String nameProperty = layer.settings().get("nameProperty");
                for (GeoFeature stake : sources.geometries().features(layer.name(),
                        selection.get().scenario().feature().geometry().getEnvelopeInternal(), 0, Integer.MAX_VALUE)) {
                    Map<String, Object> properties = new LinkedHashMap<>(stake.properties());
                    properties.put("category", properties.get(property));
                    if (nameProperty != null) {
                        properties.put("name", properties.get(nameProperty));
                    }
                    properties.put("stake_layer", layer.name());
                    stakes.add(new GeoFeature(layer.name() + ":" + stake.id(), stake.geometry(), properties));
                }
            }
        }
        return Optional.of(new Impact(extentLayer, outlook, FloodImpact.assess(selection.get(), stakes, "category")));
    }

    private static List<GeoFeature> stations(Sources sources, Map<String, VigilanceLevel> levels, Instant now) {
        List<GeoFeature> features = new ArrayList<>();
        for (Catchment catchment : sources.catchments().catchments()) {
            for (Station station : catchment.stations()) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("code", station.code());
                properties.put("name", station.name());
                properties.put("river", station.river());
                properties.put("catchment", catchment.id());
                VigilanceLevel level = vigilance(levels, station.code());
                properties.put("vigilance", level.name());
                properties.put("colour", colour(level));
                latest(sources, station.code(), Quantity.H, "h_m", properties);
                latest(sources, station.code(), Quantity.Q, "q_m3s", properties);
                Optional<Outlook> outlook = sources.outlook(station.code(), now)
                        .filter(o -> !o.basis().equals("observed"));
                properties.put("forecast_peak_m", outlook.map(Outlook::level).orElse(null));
                properties.put("forecast_peak_time", outlook.map(o -> o.time().toString()).orElse(null));
                properties.put("forecast", outlook.map(Outlook::basis).orElse(null));
                features.add(new GeoFeature(station.code(), GEOMETRIES.createPoint(
                        new Coordinate(station.lambert93().x(), station.lambert93().y())), properties));
            }
        }
        return features;
    }

    private static void latest(Sources sources, String station, Quantity quantity, String name,
                               Map<String, Object> properties) {
        Optional<Observation> latest = sources.series().latest(station, quantity);
        properties.put(name, latest.map(Observation::value).orElse(null));
        properties.put(name.substring(0, 1) + "_time", latest.map(o -> o.time().toString()).orElse(null));
    }

    private static List<GeoFeature> catchments(Sources sources, Map<String, VigilanceLevel> levels) {
        List<GeoFeature> features = new ArrayList<>();
        List<String> outlined = new ArrayList<>();
        for (GeoLayer layer : sources.geometries().layers()) {
            if (layer.kind() != GeoLayer.Kind.CATCHMENT) {
                continue;
            }
            for (GeoFeature outline : sources.geometries().features(layer.name(), null, 0, Integer.MAX_VALUE)) {
                Object station = outline.properties().get(layer.settings().getOrDefault("stationProperty",
                        "station"));
                VigilanceLevel level = station == null ? VigilanceLevel.GREEN : vigilance(levels, station.toString());
                features.add(catchmentFeature(layer.name() + ":" + outline.id(), outline.geometry(),
                        station == null ? null : station.toString(), nameOf(outline), layer.catchmentId(), level));
            }
            if (layer.catchmentId() != null) {
                outlined.add(layer.catchmentId());
            }
        }
        for (Catchment catchment : sources.catchments().catchments()) {
            // a catchment without an outline layer is drawn from its definition's rough area, if it has one
            if (outlined.contains(catchment.id()) || catchment.area().isEmpty()) {
                continue;
            }
            VigilanceLevel level = catchment.stations().stream().map(s -> vigilance(levels, s.code()))
                    .max(Enum::compareTo).orElse(VigilanceLevel.GREEN);
            features.add(catchmentFeature(catchment.id(), ring(catchment.area()), null, catchment.name(),
                    catchment.id(), level));
        }
        return features;
    }

    private static GeoFeature catchmentFeature(String id, Geometry outline, String station, String name,
                                               String catchment, VigilanceLevel level) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name);
        properties.put("station", station);
        properties.put("catchment", catchment);
        properties.put("vigilance", level.name());
        properties.put("colour", colour(level));
        properties.put("area_km2", Math.round(Measures.geodesicArea(
                Reprojection.instance().transform(outline, Reprojection.WGS84)) / 1e4) / 100.0);
        return new GeoFeature(id, outline, properties);
    }

    private static String nameOf(GeoFeature feature) {
        Object name = feature.properties().get("name");
        return name == null ? feature.id() : name.toString();
    }

    private static Geometry ring(List<GeoPosition> area) {
        Coordinate[] ring = new Coordinate[area.size() + 1];
        for (int i = 0; i < area.size(); i++) {
            double[] xy = Reprojection.instance().transform(area.get(i).longitude(), area.get(i).latitude(),
                    Reprojection.WGS84, Reprojection.LAMBERT93);
            ring[i] = new Coordinate(xy[0], xy[1]);
        }
        ring[area.size()] = ring[0];
        return GEOMETRIES.createPolygon(ring);
    }

    static VigilanceLevel vigilance(Map<String, VigilanceLevel> levels, String station) {
        return levels.getOrDefault(station, VigilanceLevel.GREEN);
    }

    /** @return the colour word maps and KML styles use */
    static String colour(VigilanceLevel level) {
        return switch (level) {
            case GREEN -> "green";
            case YELLOW -> "yellow";
            case ORANGE -> "orange";
            case RED -> "red";
        };
    }
}

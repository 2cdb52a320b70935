package org.vigie.gis.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.GeoFeature;
import org.vigie.api.service.GeoLayer;
import org.vigie.api.service.GeometryStore;
import org.vigie.api.service.SeriesStore;
import org.vigie.gis.internal.io.GeoFileWriter.ExportLayer;

/**
 * Every layer the GIS serves: the live situation layers first, then the stored layers. The situation is read at most
 * every few seconds, so a client paging through a layer sees one consistent state and the store is not read again
 * for every page.
 */
@Component(service = {GisLayers.class, LayerSource.class})
public final class GisLayers implements LayerSource {
    private static final Duration SITUATION_FRESHNESS = Duration.ofSeconds(5);
    private static final Map<String, String> SITUATION_TITLES = Map.of(
            Situation.STATIONS, "Stations : dernières valeurs, vigilance, pic prévu",
            Situation.CATCHMENTS, "Bassins versants : vigilance",
            Situation.FLOOD_EXTENT, "Zone inondée prévue",
            Situation.IMPACTED_STAKES, "Enjeux atteints");
    private static final Map<String, String> SITUATION_TYPES = Map.of(Situation.STATIONS, "Point",
            Situation.CATCHMENTS, "Polygon", Situation.FLOOD_EXTENT, "MultiPolygon",
            Situation.IMPACTED_STAKES, "Geometry");

    private final Situation.Sources sources;
    private final Clock clock;
    private Situation situation;

    @Activate
    public GisLayers(@Reference(name = "catchments") CatchmentRegistry catchments,
                     @Reference(name = "series") SeriesStore series,
                     @Reference(name = "forecasts") ForecastArchive forecasts,
                     @Reference(name = "alerts") AlertStore alerts,
                     @Reference(name = "geometries") GeometryStore geometries) {
        this(new Situation.Sources(catchments, series, forecasts, alerts, geometries), Clock.systemUTC());
    }

    GisLayers(Situation.Sources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    /** @return the situation now, read again when the last reading is older than a few seconds */
    public synchronized Situation situation() {
        Instant now = clock.instant();
        if (situation == null || situation.at().plus(SITUATION_FRESHNESS).isBefore(now)) {
            situation = Situation.read(sources, now);
        }
        return situation;
    }

    public Situation.Sources sources() {
        return sources;
    }

    @Override
    public List<LayerInfo> layers() {
        List<LayerInfo> layers = new ArrayList<>();
        Situation current = situation();
        for (String name : Situation.LAYERS) {
            layers.add(situationInfo(current, name));
        }
        for (GeoLayer layer : sources.geometries().layers()) {
            layers.add(storedInfo(layer));
        }
        return layers;
    }

    @Override
    public Optional<LayerInfo> layer(String name) {
        if (Situation.LAYERS.contains(name)) {
            return Optional.of(situationInfo(situation(), name));
        }
        return sources.geometries().layer(name).map(GisLayers::storedInfo);
    }

    @Override
    public List<GeoFeature> features(String name, Envelope bbox, int offset, int limit) {
        if (!Situation.LAYERS.contains(name)) {
            return sources.geometries().features(name, bbox, offset, limit);
        }
        return matching(situation().layer(name), bbox).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public int count(String name, Envelope bbox) {
        if (!Situation.LAYERS.contains(name)) {
            return sources.geometries().count(name, bbox);
        }
        return matching(situation().layer(name), bbox).size();
    }

    /**
     * @return the named layers with all their features, ready to export
     * @throws java.util.NoSuchElementException naming a layer that does not exist
     */
    public List<ExportLayer> exportLayers(List<String> names) {
        List<ExportLayer> export = new ArrayList<>();
        for (String name : names) {
            String trimmed = name.trim();
            LayerInfo info = layer(trimmed)
                    .orElseThrow(() -> new NoSuchElementException("no layer '" + trimmed + "'"));
            export.add(new ExportLayer(info.name(), info.title(),
                    features(info.name(), null, 0, Integer.MAX_VALUE), info.geometryType()));
        }
        return export;
    }

    private static List<GeoFeature> matching(List<GeoFeature> features, Envelope bbox) {
        if (bbox == null) {
            return features;
        }
        Geometry box = features.isEmpty() ? null : features.get(0).geometry().getFactory().toGeometry(bbox);
        return features.stream().filter(f -> box.intersects(f.geometry())).toList();
    }

    private static LayerInfo situationInfo(Situation current, String name) {
        Envelope extent = new Envelope();
        current.layer(name).forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
        return new LayerInfo(name, SITUATION_TITLES.get(name), "SITUATION", SITUATION_TYPES.get(name),
                extent.isNull() ? null : extent);
    }

    private static LayerInfo storedInfo(GeoLayer layer) {
        String[] extent = layer.settings().getOrDefault(LayerCatalog.EXTENT, "").split(",");
        return new LayerInfo(layer.name(), layer.settings().getOrDefault("title", layer.name()), layer.kind().name(),
                layer.geometryType(), extent.length != 4 ? null : new Envelope(Double.parseDouble(extent[0]),
                Double.parseDouble(extent[2]), Double.parseDouble(extent[1]), Double.parseDouble(extent[3])));
    }
}

package org.vigie.gis.internal.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.vigie.api.service.GeoFeature;
import org.vigie.gis.internal.LayerSource;

/**
 * Three layers near Orléans, in Lambert-93: {@value #STATIONS} (250 points on a 25 × 10 grid, 400 m apart, from
 * x 612000, y 6752000), {@value #ZONES} (polygons, the first with a hole) and {@value #RIVERS} (lines).
 */
class InMemoryLayerSource implements LayerSource {
    static final String STATIONS = "stations";
    static final String ZONES = "zones";
    static final String RIVERS = "rivers";
    static final int COLUMNS = 25;
    static final int ROWS = 10;
    static final double X0 = 612_000;
    static final double Y0 = 6_752_000;
    static final double SPACING = 400;

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final Map<String, LayerInfo> layers = new LinkedHashMap<>();
    private final Map<String, List<GeoFeature>> features = new LinkedHashMap<>();

    InMemoryLayerSource() {
        List<GeoFeature> stations = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS; column++) {
                int rank = row * COLUMNS + column + 1;
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("name", "Station " + rank);
                properties.put("rank", rank);
                properties.put("level", rank / 10.0);
                properties.put("active", rank % 2 == 0);
                stations.add(new GeoFeature(stationId(rank), GEOMETRIES.createPoint(
                        new Coordinate(X0 + column * SPACING, Y0 + row * SPACING)), properties));
            }
        }
        add(STATIONS, "Gauging stations", "STATION", "Point", stations);

        LinearRing shell = ring(610_000, 6_750_000, 616_000, 6_756_000);
        LinearRing hole = ring(612_000, 6_752_000, 614_000, 6_754_000);
        add(ZONES, "Flood zones", "FLOOD_EXTENT", "Polygon", List.of(
                new GeoFeature("z1", GEOMETRIES.createPolygon(shell, new LinearRing[] {hole}),
                        Map.of("name", "Zone with an island")),
                new GeoFeature("z2", GEOMETRIES.createPolygon(ring(616_000, 6_750_000, 620_000, 6_753_000)),
                        Map.of("name", "East zone")),
                new GeoFeature("z3", GEOMETRIES.createPolygon(ring(620_000, 6_750_000, 624_000, 6_753_000)),
                        Map.of("name", "Far east zone"))));

        add(RIVERS, "Rivers", "RIVER", "LineString", List.of(
                new GeoFeature("loire", GEOMETRIES.createLineString(new Coordinate[] {
                        new Coordinate(605_000, 6_751_000), new Coordinate(612_000, 6_754_500),
                        new Coordinate(619_000, 6_754_000), new Coordinate(626_000, 6_756_500)}),
                        Map.of("name", "La Loire")),
                new GeoFeature("loiret", GEOMETRIES.createLineString(new Coordinate[] {
                        new Coordinate(615_000, 6_748_000), new Coordinate(618_000, 6_750_500)}),
                        Map.of("name", "Le Loiret"))));
    }

    static String stationId(int rank) {
        return String.format(Locale.ROOT, "s%03d", rank);
    }

    /** @return the stored (Lambert-93) feature */
    GeoFeature feature(String layer, String id) {
        return features.get(layer).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Override
    public List<LayerInfo> layers() {
        return List.copyOf(layers.values());
    }

    @Override
    public Optional<LayerInfo> layer(String name) {
        return Optional.ofNullable(layers.get(name));
    }

    @Override
    public List<GeoFeature> features(String name, Envelope bbox, int offset, int limit) {
        return matching(name, bbox).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public int count(String name, Envelope bbox) {
        return matching(name, bbox).size();
    }

    private List<GeoFeature> matching(String name, Envelope bbox) {
        List<GeoFeature> all = features.getOrDefault(name, List.of());
        if (bbox == null) {
            return all;
        }
        Geometry box = GEOMETRIES.toGeometry(bbox);
        return all.stream().filter(feature -> feature.geometry().intersects(box)).toList();
    }

    private void add(String name, String title, String kind, String geometryType, List<GeoFeature> layer) {
        Envelope extent = new Envelope();
        layer.forEach(feature -> extent.expandToInclude(feature.geometry().getEnvelopeInternal()));
        layers.put(name, new LayerInfo(name, title, kind, geometryType, extent));
        features.put(name, layer);
    }

    private static LinearRing ring(double minX, double minY, double maxX, double maxY) {
        return GEOMETRIES.createLinearRing(new Coordinate[] {new Coordinate(minX, minY), new Coordinate(maxX, minY),
                new Coordinate(maxX, maxY), new Coordinate(minX, maxY), new Coordinate(minX, minY)});
    }
}

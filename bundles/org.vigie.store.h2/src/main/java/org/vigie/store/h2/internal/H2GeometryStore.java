package org.vigie.store.h2.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vigie.api.service.GeoFeature;
import org.vigie.api.service.GeoLayer;
import org.vigie.api.service.GeometryStore;

/**
 * Layers in tables {@code gis_layer} and {@code gis_feature}, geometries in H2's spatial GEOMETRY type (EWKB) behind a
 * spatial index, so a bounding-box read touches only the features near it.
 */
@Component(service = GeometryStore.class, property = "vigie.store=h2")
public final class H2GeometryStore implements GeometryStore {
    private static final String LAYER_COLUMNS = "name, kind, catchment, source, settings, geometry_type,"
            + " feature_count, imported_at, report";
    private static final String INSERT_FEATURE = "INSERT INTO gis_feature (layer, seq, feature_id, geom, properties)"
            + " VALUES (?, ?, ?, CAST(? AS GEOMETRY), ?)";
    private static final String SELECT_PAGE = "SELECT feature_id, geom, properties FROM gis_feature"
            + " WHERE layer = ? ORDER BY seq LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT COUNT(*) FROM gis_feature WHERE layer = ?";
    private static final String SELECT_FEATURES_IN = "SELECT feature_id, geom, properties FROM gis_feature"
            + " WHERE layer = ? AND geom && CAST(? AS GEOMETRY) ORDER BY seq";

    private final Database database;
    private final GeometryFactory geometries = new GeometryFactory(new PrecisionModel(), GeoFeature.STORED_SRID);

    @Activate
    public H2GeometryStore(@Reference(name = "database") Database database) {
        this.database = database;
    }

    @Override
    public void replaceLayer(GeoLayer layer, List<GeoFeature> features) {
        Objects.requireNonNull(layer, "layer");
        Set<String> ids = new HashSet<>();
        for (GeoFeature feature : features) {
            if (!ids.add(feature.id())) {
                throw new IllegalArgumentException("layer " + layer.name() + ": two features have the id "
                        + feature.id());
            }
        }
        WKBWriter wkb = new WKBWriter(2, true);
        database.inTransaction("store layer " + layer.name() + " (" + features.size() + " features)", connection -> {
            deleteLayer(connection, layer.name());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gis_layer (" + LAYER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, layer.name());
                insert.setString(2, layer.kind().name());
                insert.setString(3, layer.catchmentId());
                insert.setString(4, layer.source());
                insert.setString(5, Lines.encode(new LinkedHashMap<>(layer.settings())));
                insert.setString(6, layer.geometryType());
                insert.setInt(7, features.size());
                insert.setLong(8, EpochNanos.of(layer.importedAt()));
                insert.setString(9, String.join("\n", layer.report()));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_FEATURE)) {
                int seq = 0;
                for (GeoFeature feature : features) {
                    insert.setString(1, layer.name());
                    insert.setInt(2, seq++);
                    insert.setString(3, feature.id());
                    insert.setBytes(4, wkb.write(feature.geometry()));
                    insert.setString(5, Lines.encode(feature.properties()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<GeoLayer> layers() {
        return database.withConnection("list the GIS layers", connection -> readLayers(connection, null));
    }

    @Override
    public Optional<GeoLayer> layer(String name) {
        return database.withConnection("read GIS layer " + name,
                connection -> readLayers(connection, name).stream().findFirst());
    }

    @Override
    public List<GeoFeature> features(String layer, Envelope bbox, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return database.withConnection("read the features of GIS layer " + layer, connection -> {
            List<GeoFeature> page = new ArrayList<>();
            if (bbox == null) {
                // without a box the page is the database's: only its rows are read and decoded
                try (PreparedStatement select = connection.prepareStatement(SELECT_PAGE)) {
                    select.setString(1, layer);
                    select.setInt(2, limit);
                    select.setInt(3, offset);
                    WKBReader reader = new WKBReader(geometries);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            page.add(new GeoFeature(row.getString(1), read(reader, row.getBytes(2), layer),
                                    Lines.decode(row.getString(3))));
                        }
                    }
                }
            } else {
                scan(connection, layer, bbox, offset, limit, page);
            }
            return page;
        });
    }

    @Override
    public int count(String layer, Envelope bbox) {
        return database.withConnection("count the features of GIS layer " + layer, connection -> {
            if (bbox != null) {
                return scan(connection, layer, bbox, 0, 0, null);
            }
            try (PreparedStatement count = connection.prepareStatement(COUNT)) {
                count.setString(1, layer);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    @Override
    public boolean removeLayer(String name) {
        return database.inTransaction("remove GIS layer " + name, connection -> deleteLayer(connection, name));
    }

    /**
     * Walks the layer's features intersecting {@code bbox} in order: the spatial index narrows them to envelopes
     * that overlap it, the exact test is done here. With {@code page}, stops once the page is full.
     *
     * @return how many features intersect {@code bbox} (up to the end of the page when filling one)
     */
    private int scan(Connection connection, String layer, Envelope bbox, int offset, int limit,
                     List<GeoFeature> page) throws SQLException {
        Geometry area = geometries.toGeometry(bbox);
        WKBReader reader = new WKBReader(geometries);
        try (PreparedStatement select = connection.prepareStatement(SELECT_FEATURES_IN)) {
            select.setString(1, layer);
            select.setBytes(2, new WKBWriter(2, true).write(area));
            int matched = 0;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Geometry geometry = read(reader, row.getBytes(2), layer);
                    if (!area.intersects(geometry)) {
                        continue;
                    }
                    if (page != null && matched >= offset) {
                        if (page.size() == limit) {
                            break; // the page is full; a count goes on to the end
                        }
                        page.add(new GeoFeature(row.getString(1), geometry, Lines.decode(row.getString(3))));
                    }
                    matched++;
                }
            }
            return matched;
        }
    }

    private static Geometry read(WKBReader reader, byte[] ewkb, String layer) throws SQLException {
        try {
            return reader.read(ewkb);
        } catch (ParseException e) {
            throw new SQLException("unreadable geometry in GIS layer " + layer + ": " + e.getMessage(), e);
        }
    }

    private static boolean deleteLayer(Connection connection, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM gis_layer WHERE name = ?")) {
            delete.setString(1, name);
            return delete.executeUpdate() > 0;
        }
    }

    private static List<GeoLayer> readLayers(Connection connection, String name) throws SQLException {
        String sql = "SELECT " + LAYER_COLUMNS + " FROM gis_layer" + (name == null ? "" : " WHERE name = ?")
                + " ORDER BY name";
        List<GeoLayer> layers = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (name != null) {
                select.setString(1, name);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Map<String, String> settings = new LinkedHashMap<>();
                    Lines.decode(row.getString(5)).forEach((key, value) -> settings.put(key, String.valueOf(value)));
                    String report = row.getString(9);
                    layers.add(new GeoLayer(row.getString(1), GeoLayer.Kind.valueOf(row.getString(2)),
                            row.getString(3), row.getString(4), settings, row.getString(6), row.getInt(7),
                            EpochNanos.toInstant(row.getLong(8)), report.isEmpty() ? List.of()
                                    : List.of(report.split("\n"))));
                }
            }
        }
        return layers;
    }

    /** Attributes as "name TAB type TAB value" lines; tabs, newlines and backslashes escaped. */
    static final class Lines {
        private Lines() {
        }

        static String encode(Map<String, ?> values) {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, ?> entry : values.entrySet()) {
                Object value = entry.getValue();
                String type = value == null ? "N" : value instanceof Boolean ? "B"
                        : value instanceof Double || value instanceof Float ? "D"
                        : value instanceof Number ? "L" : "S";
                if (value instanceof Number number && type.equals("L") && !(number instanceof Long
                        || number instanceof Integer || number instanceof Short || number instanceof Byte)) {
                    type = "D";
                    value = number.doubleValue();
                }
                text.append(escape(entry.getKey())).append('\t').append(type).append('\t')
                        .append(value == null ? "" : escape(value.toString())).append('\n');
            }
            return text.toString();
        }

        static Map<String, Object> decode(String text) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                String value = unescape(parts[2]);
                values.put(unescape(parts[0]), switch (parts[1]) {
                    case "N" -> null;
                    case "B" -> Boolean.valueOf(value);
                    case "D" -> Double.valueOf(value);
                    case "L" -> Long.valueOf(value);
                    default -> value;
                });
            }
            return values;
        }

        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }

        private static String unescape(String text) {
            StringBuilder plain = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    plain.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
                } else {
                    plain.append(c);
                }
            }
            return plain.toString();
        }
    }
}

package org.vigie.gis.internal.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTWriter;
import org.vigie.api.service.GeoFeature;
import org.vigie.gis.internal.GeoJson;
import org.vigie.gis.internal.Reprojection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes layers in the formats GIS users and their tools open: GeoJSON, GeoPackage, zipped shapefiles, KML and CSV,
 * in WGS84 or Lambert-93. Each format's constraints are met rather than left to the reader: a shapefile holds one
 * geometry type and 10-character field names, KML is always WGS84, a GeoJSON in Lambert-93 needs the legacy "crs"
 * member for GDAL and QGIS to place it. Files inside zips are named after layer names, which are checked first.
 */
public final class GeoFileWriter {
    private static final Pattern LAYER_NAME = Pattern.compile("[a-z0-9-]+");
    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** An export format; several layers go into one file, or into a zip of one file per layer. */
    public enum Format {
        GEOJSON("geojson", "application/geo+json"),
        GEOPACKAGE("gpkg", "application/geopackage+sqlite3"),
        SHAPEFILE("shp.zip", "application/zip"),
        KML("kml", "application/vnd.google-earth.kml+xml"),
        CSV("csv", "text/csv; charset=UTF-8");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /**
         * @return the format named by {@code text}, case-insensitively: its name or its usual extension (geojson,
         * json, gpkg, geopackage, shp, shapefile, zip, kml, csv)
         */
        public static Format parse(String text) {
            String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "geojson", "json" -> GEOJSON;
                case "gpkg", "geopackage" -> GEOPACKAGE;
                case "shp", "shapefile", "zip", "shp.zip" -> SHAPEFILE;
                case "kml" -> KML;
                case "csv" -> CSV;
                default -> throw new IllegalArgumentException("format '" + text
                        + "': use geojson, gpkg, shapefile, kml or csv");
            };
        }

        /** @return whether {@code layerCount} layers are written as a zip of one file per layer */
        public boolean zipped(int layerCount) {
            return this == SHAPEFILE || (this == GEOJSON || this == CSV) && layerCount > 1;
        }

        /**
         * @return the file extension, with its dot, of what is written for {@code layerCount} layers; a zip of
         * GeoJSON or CSV files says so (".geojson.zip"), so that exports of several formats never share a name
         */
        public String extension(int layerCount) {
            return "." + extension + (zipped(layerCount) && this != SHAPEFILE ? ".zip" : "");
        }

        /** @return the media type of what is written for {@code layerCount} layers */
        public String mediaType(int layerCount) {
            return zipped(layerCount) ? "application/zip" : mediaType;
        }
    }

    /**
     * A layer to export.
     *
     * @param name         lower case letters, digits and dashes: it names the files inside zips
     * @param title        shown to people (KML folder, GeoPackage identifier); the name when null
     * @param features     in EPSG:2154; property values strings, numbers, booleans or null
     * @param geometryType the type an empty layer declares, e.g. "MultiPolygon"; null when unknown. A layer with
     *                     features declares what they hold.
     */
    public record ExportLayer(String name, String title, List<GeoFeature> features, String geometryType) {
        public ExportLayer {
            if (name == null || !LAYER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("layer name '" + name
                        + "' refused: use lower case letters, digits and dashes only");
            }
            title = title == null || title.isBlank() ? name : title;
            features = List.copyOf(features);
        }

        public ExportLayer(String name, String title, List<GeoFeature> features) {
            this(name, title, features, null);
        }
    }

    private final Workbench workbench;

    public GeoFileWriter(Workbench workbench) {
        this.workbench = workbench;
    }

    /**
     * Writes {@code layers} to {@code out}, which is flushed but not closed.
     *
     * @param srid 4326 (WGS84 lon/lat) or 2154 (Lambert-93); KML is WGS84 whatever is asked, and says so
     */
    public void write(Format format, List<ExportLayer> layers, int srid, OutputStream out) throws IOException {
        if (!Reprojection.isSupported(srid)) {
            throw new IllegalArgumentException("export in EPSG:" + srid + " is not offered: use 4326 or 2154");
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no layer to export");
        }
        Set<String> names = new HashSet<>();
        for (ExportLayer layer : layers) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("layer " + layer.name() + " is given twice");
            }
        }
        switch (format) {
            case GEOPACKAGE -> writeGeoPackage(layers, srid, out);
            case SHAPEFILE -> writeShapefiles(layers, srid, out);
            case KML -> Kml.write(layers, srid, out);
            case GEOJSON, CSV -> {
                if (layers.size() == 1) {
                    writeSingle(format, layers.get(0), srid, out);
                } else {
                    ZipOutputStream zip = new ZipOutputStream(unclosable(out), StandardCharsets.UTF_8);
                    for (ExportLayer layer : layers) {
                        zip.putNextEntry(new ZipEntry(layer.name() + "." + format.extension));
                        writeSingle(format, layer, srid, zip);
                        zip.closeEntry();
                    }
                    zip.finish();
                }
            }
        }
        out.flush();
    }

    private static void writeSingle(Format format, ExportLayer layer, int srid, OutputStream out) throws IOException {
        if (format == Format.GEOJSON) {
            writeGeoJson(layer, srid, out);
        } else {
            writeCsv(layer, srid, out);
        }
    }

    // ---------------------------------------------------------------- GeoJSON

    private static void writeGeoJson(ExportLayer layer, int srid, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeStringField("name", layer.name()); // GDAL's layer name
            if (srid == Reprojection.LAMBERT93) { // not RFC 7946, but what GDAL and QGIS read
                json.writeObjectFieldStart("crs");
                json.writeStringField("type", "name");
                json.writeObjectFieldStart("properties");
                json.writeStringField("name", "urn:ogc:def:crs:EPSG::2154");
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeArrayFieldStart("features");
            for (GeoFeature feature : layer.features()) {
                GeoJson.writeFeature(json, feature, Reprojection.instance().transform(feature.geometry(), srid));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    // ---------------------------------------------------------------- CSV

    /** RFC 4180, UTF-8, header id, properties, WKT (the column GDAL's CSV driver reads as geometry). */
    private static void writeCsv(ExportLayer layer, int srid, OutputStream out) throws IOException {
        List<Attributes.Field> fields = Attributes.fields(layer.features());
        WKTWriter wkt = new WKTWriter();
        wkt.setPrecisionModel(new PrecisionModel(srid == Reprojection.WGS84 ? 1e7 : 1e2)); // about 1 cm
        Writer csv = new OutputStreamWriter(unclosable(out), StandardCharsets.UTF_8);
        List<String> header = new ArrayList<>();
        header.add(Attributes.idColumn(fields));
        fields.forEach(field -> header.add(field.column()));
        header.add("WKT");
        csvLine(csv, header);
        for (GeoFeature feature : layer.features()) {
            List<String> line = new ArrayList<>();
            line.add(feature.id());
            for (Attributes.Field field : fields) {
                Object value = Attributes.value(feature.properties().get(field.name()), field.kind());
                line.add(value == null ? "" : Attributes.text(value));
            }
            line.add(wkt.write(Reprojection.instance().transform(feature.geometry(), srid)));
            csvLine(csv, line);
        }
        csv.flush();
    }

    private static void csvLine(Writer csv, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (i > 0) {
                csv.write(',');
            }
            boolean quoted = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0;
            csv.write(quoted ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        csv.write("\r\n");
    }

    // ---------------------------------------------------------------- GeoPackage

    private void writeGeoPackage(List<ExportLayer> layers, int srid, OutputStream out) throws IOException {
        List<GeoPackage.LayerTable> tables = new ArrayList<>();
        GeometryFactory factory = new GeometryFactory();
        for (ExportLayer layer : layers) {
            List<Attributes.Field> fields = Attributes.fields(layer.features());
            String type = declaredType(layer);
            List<String> ids = new ArrayList<>();
            List<Geometry> geometries = new ArrayList<>();
            List<Object[]> values = new ArrayList<>();
            for (GeoFeature feature : layer.features()) {
                ids.add(feature.id());
                Geometry geometry = Reprojection.instance().transform(feature.geometry(), srid);
                geometries.add(type.startsWith("Multi") ? multi(geometry, type, factory, srid) : geometry);
                values.add(fields.stream().map(f -> Attributes.value(feature.properties().get(f.name()), f.kind()))
                        .toArray());
            }
            tables.add(new GeoPackage.LayerTable(layer.name(), layer.title(), type, fields,
                    Attributes.idColumn(fields), ids, geometries, values));
        }
        Path file = Files.createTempFile("vigie-export-", ".gpkg");
        try {
            GeoPackage.write(file, tables, srid, workbench.srsWkt(srid));
            Files.copy(file, out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String declaredType(ExportLayer layer) {
        if (layer.features().isEmpty()) {
            return layer.geometryType() == null ? "Geometry" : layer.geometryType();
        }
        return GeoFileReader.geometryType(layer.features());
    }

    // ---------------------------------------------------------------- shapefile

    private void writeShapefiles(List<ExportLayer> layers, int srid, OutputStream out) throws IOException {
        Path directory = Files.createTempDirectory("vigie-export-");
        try {
            for (ExportLayer layer : layers) {
                Map<String, List<Part>> parts = splitByDimension(layer.features(), srid);
                if (parts.isEmpty()) {
                    String type = layer.geometryType() == null ? "" : layer.geometryType();
                    writeEmptyShapefile(directory, layer.name(), type, srid);
                }
                for (Map.Entry<String, List<Part>> part : parts.entrySet()) {
                    String base = parts.size() == 1 ? layer.name() : layer.name() + "-" + part.getKey();
                    writeShapefile(directory, base, part.getKey(), part.getValue(), srid);
                }
            }
            ZipOutputStream zip = new ZipOutputStream(unclosable(out), StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.sorted().toList()) {
                    zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
            zip.finish();
        } finally {
            GeoFileReader.deleteRecursively(directory);
        }
    }

    /** A feature's geometry of one dimension, in the file's SRID. */
    private record Part(GeoFeature feature, Geometry geometry) {
    }

    /**
     * @return the features' geometries as "points", "lines" and "polygons" (the only kinds a shapefile holds), each
     * as a multi-geometry in {@code srid} (a single point stays a point), in that order; kinds absent are left out
     */
    private static Map<String, List<Part>> splitByDimension(List<GeoFeature> features, int srid) {
        GeometryFactory factory = new GeometryFactory();
        Map<String, List<Part>> parts = new LinkedHashMap<>();
        for (String kind : List.of("points", "lines", "polygons")) {
            List<Part> kept = new ArrayList<>();
            for (GeoFeature feature : features) {
                List<Geometry> pieces = new ArrayList<>();
                collect(Reprojection.instance().transform(feature.geometry(), srid), kind, pieces);
                if (!pieces.isEmpty()) {
                    Geometry geometry = switch (kind) {
                        case "points" -> pieces.size() == 1 ? pieces.get(0)
                                : factory.createMultiPoint(pieces.toArray(Point[]::new));
                        case "lines" -> factory.createMultiLineString(pieces.toArray(LineString[]::new));
                        default -> factory.createMultiPolygon(pieces.toArray(Polygon[]::new));
                    };
                    geometry.setSRID(srid);
                    kept.add(new Part(feature, geometry));
                }
            }
            if (!kept.isEmpty()) {
                parts.put(kind, kept);
            }
        }
        return parts;
    }

    private static void collect(Geometry geometry, String kind, List<Geometry> pieces) {
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part != geometry) {
                collect(part, kind, pieces);
            } else if (!part.isEmpty() && (part instanceof Point && kind.equals("points")
                    || part instanceof LineString && kind.equals("lines")
                    || part instanceof Polygon && kind.equals("polygons"))) {
                pieces.add(part instanceof LineString line && !line.getClass().equals(LineString.class)
                        ? line.getFactory().createLineString(line.getCoordinateSequence()) : part);
            }
        }
    }

    private void writeShapefile(Path directory, String base, String kind, List<Part> parts, int srid)
            throws IOException {
        List<Attributes.Field> fields = Attributes.fields(parts.stream().map(Part::feature).toList());
        List<String> names = new ArrayList<>();
        names.add(Attributes.idColumn(fields));
        fields.forEach(field -> names.add(field.column()));
        List<String> dbfNames = dbfNames(names);
        String type = switch (kind) {
            case "points" -> parts.stream().anyMatch(p -> !(p.geometry() instanceof Point)) ? "MULTIPOINT" : "POINT";
            case "lines" -> "MULTILINESTRING";
            default -> "MULTIPOLYGON";
        };
        GeometryFactory factory = new GeometryFactory();
        List<Workbench.Column> columns = new ArrayList<>();
        columns.add(new Workbench.Column("the_geom", "GEOMETRY(" + type + ", " + srid + ")"));
        columns.add(new Workbench.Column(dbfNames.get(0), "VARCHAR"));
        for (int i = 0; i < fields.size(); i++) {
            columns.add(new Workbench.Column(dbfNames.get(i + 1), switch (fields.get(i).kind()) {
                case INTEGER -> "BIGINT";
                case REAL -> "DOUBLE PRECISION";
                case BOOLEAN -> "BOOLEAN";
                case TEXT -> "VARCHAR";
            }));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Part part : parts) {
            GeoFeature feature = part.feature();
            Object[] row = new Object[columns.size()];
            row[0] = type.equals("MULTIPOINT") ? multi(part.geometry(), "MultiPoint", factory, srid) : part.geometry();
            row[1] = feature.id();
            for (int i = 0; i < fields.size(); i++) {
                row[i + 2] = Attributes.value(feature.properties().get(fields.get(i).name()), fields.get(i).kind());
            }
            rows.add(row);
        }
        workbench.export("SHPWrite", directory.resolve(base + ".shp"), columns, rows);
        repairRecordLengths(directory.resolve(base + ".shp"), directory.resolve(base + ".shx"));
        Files.writeString(directory.resolve(base + ".cpg"), "UTF-8");
    }

    /**
     * H2GIS 2.2.5's SHPWrite declares too long a content length for a polygon record holding several polygons
     * (4 bytes more for two, 28 for three), although it writes the right bytes: every later record is then misread
     * (GDAL: "Error in fread()"). Recompute each record's length from its part and point counts, and the .shx.
     */
    static void repairRecordLengths(Path shp, Path shx) throws IOException {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(shp));
        ByteBuffer index = ByteBuffer.allocate(Math.max(100, 100 + 8 * (file.capacity() - 100) / 12));
        index.put(0, file.array(), 0, 100);
        int records = 0;
        for (int at = 100; at + 12 <= file.capacity(); records++) {
            file.order(ByteOrder.LITTLE_ENDIAN);
            int type = file.getInt(at + 8);
            int length = switch (type) {
                case 0 -> 4;
                case 1 -> 20;
                case 3, 5 -> 44 + 4 * file.getInt(at + 44) + 16 * file.getInt(at + 48);
                case 8 -> 40 + 16 * file.getInt(at + 44);
                default -> throw new IOException("unexpected shape type " + type + " in " + shp.getFileName());
            };
            file.order(ByteOrder.BIG_ENDIAN).putInt(at + 4, length / 2);
            index.order(ByteOrder.BIG_ENDIAN).putInt(100 + 8 * records, at / 2).putInt(104 + 8 * records, length / 2);
            at += 8 + length;
        }
        index.order(ByteOrder.BIG_ENDIAN).putInt(24, (100 + 8 * records) / 2);
        Files.write(shp, file.array());
        Files.write(shx, Arrays.copyOf(index.array(), 100 + 8 * records));
    }

    /** H2GIS's SHPWrite fails on an empty table: write the headers of an empty shapefile of the known type. */
    private void writeEmptyShapefile(Path directory, String base, String geometryType, int srid) throws IOException {
        int shapeType = switch (geometryType.toLowerCase(Locale.ROOT)) {
            case "point" -> 1;
            case "linestring", "multilinestring" -> 3;
            case "polygon", "multipolygon" -> 5;
            case "multipoint" -> 8;
            default -> 0; // null shape: the type is not known
        };
        ByteBuffer header = ByteBuffer.allocate(100);
        header.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, 50); // file length in 16-bit words
        header.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, shapeType);
        Files.write(directory.resolve(base + ".shp"), header.array());
        Files.write(directory.resolve(base + ".shx"), header.array());
        workbench.export("DBFWrite", directory.resolve(base + ".dbf"),
                List.of(new Workbench.Column("id", "VARCHAR")), List.of());
        Files.writeString(directory.resolve(base + ".prj"), workbench.srsWkt(srid));
        Files.writeString(directory.resolve(base + ".cpg"), "UTF-8");
    }

    /**
     * @return DBF field names for {@code names}: ASCII, at most 10 characters, unique regardless of case; a clash
     * after truncation gets a numeric suffix ("libelle_st", "libelle__2")
     */
    static List<String> dbfNames(List<String> names) {
        Set<String> used = new HashSet<>();
        List<String> result = new ArrayList<>();
        for (String name : names) {
            String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replaceAll("[^A-Za-z0-9_]", "_");
            String base = ascii.isEmpty() ? "field" : ascii;
            String candidate = base.length() > 10 ? base.substring(0, 10) : base;
            for (int n = 2; !used.add(candidate.toUpperCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                candidate = base.substring(0, Math.min(base.length(), 10 - suffix.length())) + suffix;
            }
            result.add(candidate);
        }
        return result;
    }

    // ---------------------------------------------------------------- helpers

    private static Geometry multi(Geometry geometry, String type, GeometryFactory factory, int srid) {
        Geometry result = geometry;
        if (geometry instanceof Point point && type.equals("MultiPoint")) {
            result = factory.createMultiPoint(new Point[] {point});
        } else if (geometry instanceof LineString line && type.equals("MultiLineString")) {
            result = factory.createMultiLineString(new LineString[] {line});
        } else if (geometry instanceof Polygon polygon && type.equals("MultiPolygon")) {
            result = factory.createMultiPolygon(new Polygon[] {polygon});
        }
        result.setSRID(srid);
        return result;
    }

    /** The stream handed to a writer that closes what it writes with (a JSON generator, a zip) must stay open. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}

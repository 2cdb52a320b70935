package org.vigie.gis.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.vigie.api.service.GeoFeature;
import org.vigie.gis.internal.Reprojection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the vector files GIS users hand over (GeoJSON, shapefile, GeoPackage, or a zip of one of them) into features
 * in Lambert-93, and says what it had to change: a repaired polygon or a skipped empty feature must not go unnoticed
 * in a flood-warning layer. Shapefiles and GeoJSON are parsed by H2GIS through the {@link Workbench}, with its quirks
 * corrected here (property names' case, DBF dates, ESRI .prj files, the GeoJSON "crs" member); GeoPackages by
 * {@link GeoPackage}.
 */
public final class GeoFileReader {
    /** Largest total size a zip may expand to. */
    public static final long MAX_UNZIPPED_BYTES = 500L * 1024 * 1024;
    private static final int MAX_ZIP_ENTRIES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EPSG_NAME =
            Pattern.compile("(?i)^(?:urn:ogc:def:crs:)?EPSG:(?:[0-9.]*:)?(\\d+)$|/EPSG/[^/]+/(\\d+)$");
    private static final Pattern PRJ_AUTHORITY = Pattern.compile("AUTHORITY\\[\"EPSG\",\\s*\"?(\\d+)\"?]]\\s*$");
    private static final Pattern PRJ_PARAMETER = Pattern.compile("PARAMETER\\[\"([^\"]+)\",\\s*([-+0-9.eE]+)]");
    private static final Pattern PRJ_SPHEROID = Pattern.compile("SPHEROID\\[\"[^\"]*\",\\s*([0-9.]+),\\s*([0-9.]+)");

    /**
     * What a file held.
     *
     * @param features     in EPSG:2154, in file order
     * @param sourceSrid   the EPSG code of the file's coordinates
     * @param geometryType "Point", "MultiPolygon"…; a type and its multi form together give the multi form;
     *                     "Geometry" when dimensions are mixed or nothing was read
     * @param report       one line per change: a geometry repaired, a feature skipped
     */
    public record ImportedFeatures(List<GeoFeature> features, int sourceSrid, String geometryType,
                                   List<String> report) {
        public ImportedFeatures {
            features = List.copyOf(features);
            report = List.copyOf(report);
        }
    }

    /** Rows as a driver gave them: one geometry (or null) and the attribute values per row. */
    record Source(int srid, String crs, List<String> columns, List<Geometry> geometries, List<Object[]> values) {
    }

    private final Workbench workbench;

    public GeoFileReader(Workbench workbench) {
        this.workbench = workbench;
    }

    /**
     * @param file       a .geojson/.json, .shp (with .dbf, .shx and .prj beside it), .gpkg, or a .zip holding one
     * @param idProperty the property holding each feature's unique id; null to number features 1..n in file order
     * @param table      the feature table of a GeoPackage holding several; otherwise null
     * @throws IllegalArgumentException when the file cannot be imported as it is, saying what to do
     */
    public ImportedFeatures read(Path file, String idProperty, String table) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            Path directory = unzip(file);
            try {
                return read(dataset(file, directory), idProperty, table);
            } finally {
                deleteRecursively(directory);
            }
        }
        Source source;
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            source = readGeoJson(file);
        } else if (name.endsWith(".shp")) {
            source = readShapefile(file);
        } else if (name.endsWith(".gpkg")) {
            try {
                source = GeoPackage.read(file, table);
            } catch (IllegalArgumentException e) {
                throw e; // a clear answer already, e.g. which tables to choose from
            } catch (RuntimeException e) {
                // a damaged file fails deep in the decoding (buffer bounds, unexpected types): say what it is
                throw new IOException(file.getFileName() + " is not a readable GeoPackage (corrupt?): " + e, e);
            }
        } else {
            throw new IllegalArgumentException("cannot read " + file.getFileName()
                    + ": send a .geojson, .json, .shp (with its .dbf, .shx and .prj), .gpkg, or a .zip of one of them");
        }
        return assemble(file.getFileName().toString(), source, idProperty);
    }

    // ---------------------------------------------------------------- GeoJSON

    private Source readGeoJson(Path file) throws IOException {
        // H2GIS upper-cases property names and knows only some "crs" spellings: read both here first
        Set<String> keys = new LinkedHashSet<>();
        JsonNode crs = null;
        int features = 0;
        boolean anyGeometry = false;
        try (JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(file.getFileName() + " is not a GeoJSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("crs")) {
                    JsonNode node = JSON.readTree(parser);
                    crs = node == null || node.isNull() ? null : node;
                } else if (field.equals("features") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode feature = JSON.readTree(parser);
                        features++;
                        if (feature.has("id")) {
                            keys.add("id");
                        }
                        feature.path("properties").fieldNames().forEachRemaining(keys::add);
                        anyGeometry |= feature.path("geometry").isObject();
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        String crsName = crs == null ? null : crs.path("properties").path("name").asText(crs.toString());
        int srid = crs == null ? Reprojection.WGS84 : epsgCode(crsName); // RFC 7946: no crs means WGS84 lon/lat
        if (!anyGeometry) { // H2GIS refuses a collection without geometry
            List<Geometry> none = new ArrayList<>();
            List<Object[]> values = new ArrayList<>();
            for (int i = 0; i < features; i++) {
                none.add(null);
                values.add(new Object[keys.size()]);
            }
            return new Source(srid, crsName, List.copyOf(keys), none, values);
        }
        Source read = workbench.importFile("GeoJsonRead", file, rows -> fromRows(rows, srid, crsName, Set.of()));
        Map<String, String> originalNames = new HashMap<>();
        keys.forEach(key -> originalNames.putIfAbsent(key.toUpperCase(Locale.ROOT), key));
        List<String> columns = read.columns().stream().map(column -> originalNames.getOrDefault(column, column))
                .toList();
        return new Source(srid, crsName, columns, read.geometries(), read.values());
    }

    private static int epsgCode(String crsName) {
        if (crsName.matches("(?i).*CRS84$")) {
            return Reprojection.WGS84;
        }
        Matcher matcher = EPSG_NAME.matcher(crsName.trim());
        if (matcher.find()) {
            return Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        throw new IllegalArgumentException("unknown GeoJSON \"crs\" " + crsName + ": remove it (RFC 7946: WGS84 "
                + "lon/lat) or name an EPSG code, e.g. \"urn:ogc:def:crs:EPSG::2154\"");
    }

    // ---------------------------------------------------------------- shapefile

    private Source readShapefile(Path shp) throws IOException {
        Path prj = sibling(shp, "prj");
        Path dbf = sibling(shp, "dbf");
        if (dbf == null || sibling(shp, "shx") == null) {
            throw new IllegalArgumentException("shapefile " + shp.getFileName()
                    + " needs its .dbf and .shx files beside it (send all the files, e.g. zipped together)");
        }
        if (prj == null) {
            throw new IllegalArgumentException("shapefile " + shp.getFileName() + " has no .prj file, so its "
                    + "coordinate system is unknown: add the .prj that came with the data, or declare it, e.g. "
                    + "ogr2ogr -a_srs EPSG:2154 out.shp " + shp.getFileName());
        }
        String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1).trim();
        int srid = sridOfPrj(wkt);
        if (srid == 0) {
            throw new IllegalArgumentException("cannot tell which coordinate system " + prj.getFileName()
                    + " describes (" + wkt.split(",", 2)[0] + "…): reproject the shapefile to EPSG:2154 or "
                    + "EPSG:4326, e.g. ogr2ogr -t_srs EPSG:2154 out.shp " + shp.getFileName());
        }
        Path cpg = sibling(shp, "cpg");
        Dbf fields = Dbf.read(dbf, cpg == null ? StandardCharsets.ISO_8859_1 : charset(Files.readString(cpg)));
        Source read = workbench.importFile("SHPRead", shp, rows -> fromRows(rows, srid, wkt, Set.of("PK")));
        for (Object[] values : read.values()) { // H2GIS gives " " for a blank text, which DBF cannot tell from none
            for (int i = 0; i < values.length; i++) {
                values[i] = values[i] instanceof String text && text.isBlank() ? null : values[i];
            }
        }
        if (read.columns().size() != fields.names().size()) {
            return read;
        }
        // H2GIS upper-cases field names and reads every DBF date as NULL: take both from the .dbf itself
        for (Map.Entry<Integer, List<String>> dates : fields.dates().entrySet()) {
            for (int row = 0; row < read.values().size() && row < dates.getValue().size(); row++) {
                read.values().get(row)[dates.getKey()] = dates.getValue().get(row);
            }
        }
        return new Source(srid, wkt, fields.names(), read.geometries(), read.values());
    }

    /** @return the EPSG code a .prj describes: from its AUTHORITY, else recognised Lambert-93 or WGS84; 0 if unknown */
    static int sridOfPrj(String wkt) {
        Matcher authority = PRJ_AUTHORITY.matcher(wkt);
        if (authority.find()) {
            return Integer.parseInt(authority.group(1));
        }
        Map<String, Double> parameters = new HashMap<>();
        Matcher parameter = PRJ_PARAMETER.matcher(wkt);
        while (parameter.find()) {
            parameters.put(parameter.group(1).toLowerCase(Locale.ROOT), Double.parseDouble(parameter.group(2)));
        }
        Matcher spheroid = PRJ_SPHEROID.matcher(wkt);
        double[] ellipsoid = spheroid.find()
                ? new double[] {Double.parseDouble(spheroid.group(1)), Double.parseDouble(spheroid.group(2))}
                : new double[2];
        boolean grs80 = ellipsoid[0] == 6378137 && Math.abs(ellipsoid[1] - 298.257222101) < 1e-6;
        boolean wgs84 = ellipsoid[0] == 6378137 && Math.abs(ellipsoid[1] - 298.257223563) < 1e-6;
        String upper = wkt.toUpperCase(Locale.ROOT);
        if (upper.startsWith("PROJCS") && upper.contains("LAMBERT_CONFORMAL_CONIC") && grs80
                && parameters.getOrDefault("standard_parallel_1", 0.0) == 49
                && parameters.getOrDefault("standard_parallel_2", 0.0) == 44
                && parameters.getOrDefault("latitude_of_origin", 0.0) == 46.5
                && parameters.getOrDefault("central_meridian", 0.0) == 3
                && parameters.getOrDefault("false_easting", 0.0) == 700000
                && parameters.getOrDefault("false_northing", 0.0) == 6600000) {
            return Reprojection.LAMBERT93;
        }
        if (upper.startsWith("GEOGCS") && wgs84 && upper.matches("(?s).*DATUM\\[\"(D_)?WGS_?(19)?84\".*")) {
            return Reprojection.WGS84;
        }
        return 0;
    }

    private static Charset charset(String cpg) {
        String name = cpg.trim();
        try {
            return Charset.forName(name.matches("\\d+") ? "windows-" + name : name);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static Path sibling(Path file, String extension) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path directory = file.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().equalsIgnoreCase(base + "." + extension))
                    .findFirst().orElse(null);
        }
    }

    /** The field names of a .dbf (with their case) and the values of its date fields as ISO dates. */
    record Dbf(List<String> names, Map<Integer, List<String>> dates) {
        static Dbf read(Path file, Charset charset) throws IOException {
            try (FileChannel channel = FileChannel.open(file)) {
                ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size())
                        .order(ByteOrder.LITTLE_ENDIAN);
                int records = buffer.getInt(4);
                int headerLength = buffer.getShort(8) & 0xffff;
                int recordLength = buffer.getShort(10) & 0xffff;
                List<String> names = new ArrayList<>();
                Map<Integer, List<String>> dates = new LinkedHashMap<>();
                int offset = 1; // deletion flag
                for (int at = 32; at + 32 <= headerLength && buffer.get(at) != 0x0D; at += 32) {
                    byte[] name = new byte[11];
                    buffer.get(at, name);
                    int length = 0;
                    while (length < 11 && name[length] != 0) {
                        length++;
                    }
                    names.add(new String(name, 0, length, charset).trim());
                    int size = buffer.get(at + 16) & 0xff;
                    if (buffer.get(at + 11) == 'D') {
                        List<String> values = new ArrayList<>();
                        byte[] raw = new byte[8];
                        for (int r = 0; r < records; r++) {
                            buffer.get(headerLength + r * recordLength + offset, raw);
                            String text = new String(raw, StandardCharsets.US_ASCII).trim();
                            values.add(text.matches("\\d{8}") && !text.equals("00000000")
                                    ? text.substring(0, 4) + "-" + text.substring(4, 6) + "-" + text.substring(6)
                                    : null);
                        }
                        dates.put(names.size() - 1, values);
                    }
                    offset += size;
                }
                return new Dbf(names, dates);
            }
        }
    }

    // ---------------------------------------------------------------- H2GIS rows

    private static Source fromRows(ResultSet rows, int srid, String crs, Set<String> skipped) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int geometryColumn = 0;
        List<Integer> indexes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (geometryColumn == 0 && meta.getColumnTypeName(i).toUpperCase(Locale.ROOT).startsWith("GEOMETRY")) {
                geometryColumn = i;
            } else if (!skipped.contains(meta.getColumnName(i))) {
                indexes.add(i);
                names.add(meta.getColumnName(i));
            }
        }
        List<Geometry> geometries = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        while (rows.next()) {
            geometries.add(geometryColumn == 0 ? null : (Geometry) rows.getObject(geometryColumn));
            Object[] row = new Object[indexes.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = plain(rows.getObject(indexes.get(i)));
            }
            values.add(row);
        }
        return new Source(srid, crs, names, geometries, values);
    }

    /** @return a JDBC value as String, Long, Double, Boolean or null; dates and times as ISO-8601 text */
    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        } else if (value instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            return stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18
                    ? (Object) stripped.longValueExact()
                    : (Object) decimal.doubleValue();
        } else if (value instanceof Number number) {
            return number.doubleValue();
        } else if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        } else if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        } else if (value instanceof byte[] json) { // H2GIS keeps GeoJSON objects and arrays as JSON values
            return new String(json, StandardCharsets.UTF_8);
        }
        return value.toString(); // java.time values print as ISO-8601
    }

    // ---------------------------------------------------------------- features

    private static ImportedFeatures assemble(String fileName, Source source, String idProperty) {
        int srid = source.srid();
        if (srid == 0) {
            throw new IllegalArgumentException(fileName + ": unknown coordinate system (" + source.crs()
                    + "): reproject it to EPSG:2154 or EPSG:4326, e.g. with ogr2ogr -t_srs EPSG:2154");
        }
        Envelope extent = new Envelope();
        source.geometries().stream().filter(g -> g != null)
                .forEach(g -> extent.expandToInclude(g.getEnvelopeInternal()));
        if (srid == Reprojection.WGS84 && !extent.isNull() && !new Envelope(-180, 180, -90, 90).covers(extent)) {
            throw new IllegalArgumentException(fileName + " is read as WGS84 longitude/latitude (EPSG:4326) but its "
                    + "coordinates reach " + extent + ": they look projected. A GeoJSON without \"crs\" must be in "
                    + "WGS84 (RFC 7946): export it in EPSG:4326, or add \"crs\": {\"type\": \"name\", \"properties\": "
                    + "{\"name\": \"urn:ogc:def:crs:EPSG::2154\"}}");
        }
        try {
            Reprojection.instance().transform(extent.isNull() ? 0 : extent.centre().x,
                    extent.isNull() ? 0 : extent.centre().y, srid, Reprojection.LAMBERT93);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fileName + ": its coordinate system EPSG:" + srid + " cannot be "
                    + "transformed to Lambert-93 (" + e.getMessage() + "): reproject it to EPSG:2154 or EPSG:4326, "
                    + "e.g. with ogr2ogr -t_srs EPSG:2154", e);
        }
        int idColumn = idProperty == null ? -1 : idColumn(fileName, source.columns(), idProperty);
        Map<String, Integer> seen = new HashMap<>();
        List<GeoFeature> features = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (int row = 0; row < source.geometries().size(); row++) {
            Object[] values = source.values().get(row);
            Object idValue = idColumn < 0 ? (Object) (long) (row + 1) : values[idColumn];
            String id = idValue == null ? null : Attributes.text(idValue).trim();
            String label = "feature " + (id == null || id.isEmpty() ? "at row " + (row + 1) : id);
            Geometry geometry = source.geometries().get(row);
            if (geometry == null || geometry.isEmpty()) {
                report.add(label + ": no geometry: skipped");
                continue;
            }
            if (id == null || id.isEmpty()) {
                throw new IllegalArgumentException(fileName + ": the feature at row " + (row + 1)
                        + " has no value for the id property '" + idProperty + "'");
            }
            Integer before = seen.put(id, row + 1);
            if (before != null) {
                throw new IllegalArgumentException(fileName + ": the features at rows " + before + " and " + (row + 1)
                        + " share the value '" + id + "' of the id property '" + idProperty + "'");
            }
            geometry.setSRID(srid);
            IsValidOp validity = new IsValidOp(geometry);
            if (!validity.isValid()) {
                TopologyValidationError error = validity.getValidationError();
                Geometry fixed = GeometryFixer.fix(geometry);
                String why = label + ": invalid geometry (" + error.getMessage() + where(error.getCoordinate(), srid)
                        + ")";
                if (fixed.isEmpty()) {
                    report.add(why + ": nothing valid is left of it: skipped");
                    continue;
                }
                report.add(why + ": repaired" + (fixed.getGeometryType().equals(geometry.getGeometryType()) ? ""
                        : " as a " + fixed.getGeometryType()));
                fixed.setSRID(srid);
                geometry = fixed;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int c = 0; c < source.columns().size(); c++) {
                properties.put(source.columns().get(c), values[c]);
            }
            features.add(new GeoFeature(id, Reprojection.instance().transform(geometry, Reprojection.LAMBERT93),
                    properties));
        }
        return new ImportedFeatures(features, srid, geometryType(features), report);
    }

    private static int idColumn(String fileName, List<String> columns, String idProperty) {
        int index = columns.indexOf(idProperty);
        if (index < 0) {
            List<String> similar = columns.stream().filter(idProperty::equalsIgnoreCase).toList();
            index = similar.size() == 1 ? columns.indexOf(similar.get(0)) : -1;
        }
        if (index < 0) {
            throw new IllegalArgumentException(fileName + " has no property '" + idProperty
                    + "' to take ids from; its properties are: " + String.join(", ", columns));
        }
        return index;
    }

    private static String where(Coordinate at, int srid) {
        if (at == null) {
            return "";
        }
        String format = srid == Reprojection.WGS84 ? "%.6f" : "%.2f";
        return String.format(Locale.ROOT, " at or near (" + format + ", " + format + ") in EPSG:%d", at.x, at.y, srid);
    }

    /** @return the features' geometry type; a type with its multi form gives the multi form; "Geometry" if mixed */
    static String geometryType(List<GeoFeature> features) {
        Set<String> types = features.stream().map(f -> f.geometry().getGeometryType())
                .collect(Collectors.toCollection(TreeSet::new));
        if (types.size() == 1) {
            return types.iterator().next();
        }
        for (String single : List.of("Point", "LineString", "Polygon")) {
            if (!types.isEmpty() && Set.of(single, "Multi" + single).containsAll(types)) {
                return "Multi" + single;
            }
        }
        return "Geometry";
    }

    // ---------------------------------------------------------------- zip

    /** Extracts a zip into a new temporary directory, refusing absolute or escaping entries and zip bombs. */
    static Path unzip(Path zip) throws IOException {
        Path directory = Files.createTempDirectory("vigie-import-");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            long total = 0;
            int count = 0;
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                boolean escapes = name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")
                        || Stream.of(name.split("[/\\\\]")).anyMatch(".."::equals);
                Path target = directory.resolve(name).normalize();
                if (escapes || !target.startsWith(directory)) {
                    throw new IllegalArgumentException(zip.getFileName() + ": refused zip entry '" + name
                            + "': entries must be relative paths without '..'");
                }
                if (++count > MAX_ZIP_ENTRIES) {
                    throw new IllegalArgumentException(zip.getFileName() + " holds more than " + MAX_ZIP_ENTRIES
                            + " entries");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        total += n;
                        if (total > MAX_UNZIPPED_BYTES) {
                            throw new IllegalArgumentException(zip.getFileName() + " expands to more than "
                                    + MAX_UNZIPPED_BYTES / (1024 * 1024) + " MB: refused");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            deleteRecursively(directory);
            throw e;
        }
        return directory;
    }

    private static Path dataset(Path zip, Path directory) throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.walk(directory)) {
            found = files.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(directory.relativize(f).toString().split("[/\\\\]"))
                            .noneMatch(part -> part.startsWith(".") || part.equals("__MACOSX"))) // macOS leftovers
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                            .matches(".*\\.(shp|geojson|json|gpkg)$"))
                    .sorted().toList();
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(zip.getFileName() + " must hold exactly one shapefile, GeoJSON or "
                    + "GeoPackage; it holds " + (found.isEmpty() ? "none" : found.stream()
                    .map(f -> directory.relativize(f).toString()).collect(Collectors.joining(", "))));
        }
        return found.get(0);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

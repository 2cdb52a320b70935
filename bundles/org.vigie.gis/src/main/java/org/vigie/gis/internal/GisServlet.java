package org.vigie.gis.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.service.Authenticator;
import org.vigie.api.service.GeoFeature;
import org.vigie.api.service.GeoLayer;
import org.vigie.gis.internal.io.GeoFileWriter;
import org.vigie.gis.internal.io.Measures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The GIS part of the REST API, under {@code /api/gis}: layers (list, measures, import, removal), the flood impact of
 * the expected peaks, and exports of the current situation.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/gis/*")
public final class GisServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Largest file accepted for import. */
    static final long MAX_UPLOAD_BYTES = 200L * 1024 * 1024;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(GisServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final transient GisLayers layers;
    private final transient LayerCatalog catalog;
    private final transient GisWorkbench workbench;
    private final transient Authenticator authenticator;

    @Activate
    public GisServlet(@Reference(name = "layers") GisLayers layers, @Reference(name = "catalog") LayerCatalog catalog,
                      @Reference(name = "workbench") GisWorkbench workbench,
                      @Reference(name = "authenticator") Authenticator authenticator) {
        this.layers = layers;
        this.catalog = catalog;
        this.workbench = workbench;
        this.authenticator = authenticator;
    }

    /** A request that cannot be served, with the status and message the client gets. */
    static final class GisException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        GisException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
            String[] parts = path.replaceAll("^/+|/+$", "").split("/");
            String method = request.getMethod();
            if (parts.length >= 1 && parts[0].equals("layers")) {
                if (parts.length == 1 && method.equals("GET")) {
                    json(response, listLayers());
                } else if (parts.length == 2 && method.equals("GET")) {
                    json(response, describeLayer(parts[1]));
                } else if (parts.length == 2 && method.equals("POST")) {
                    requireUser(request);
                    json(response, importLayer(parts[1], request));
                } else if (parts.length == 2 && method.equals("DELETE")) {
                    requireUser(request);
                    if (!layers.sources().geometries().removeLayer(parts[1])) {
                        throw new GisException(404, "no stored layer " + parts[1]);
                    }
                    json(response, Map.of("removed", parts[1]));
                } else {
                    throw new GisException(405, method + " " + path + " is not supported");
                }
            } else if (parts.length == 1 && parts[0].equals("impact") && method.equals("GET")) {
                json(response, impact(request.getParameter("station"), request.getParameter("level")));
            } else if (parts.length == 1 && parts[0].equals("export") && method.equals("GET")) {
                export(request, response);
            } else {
                throw new GisException(404, "no GIS resource " + path + " (see docs/gis.md)");
            }
        } catch (GisException e) {
            if (e.status == 401 && request.getHeader("X-Vigie-Client") == null) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Vigie\", charset=\"UTF-8\"");
            }
            error(response, e.status, e.getMessage());
        } catch (IllegalArgumentException e) {
            error(response, 400, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("{} /api/gis{} failed", request.getMethod(), request.getPathInfo(), e);
            if (!response.isCommitted()) {
                response.reset();
                error(response, 500, "internal error: " + e.getMessage());
            }
        }
    }

    private Map<String, Object> listLayers() {
        List<Object> list = new ArrayList<>();
        for (LayerSource.LayerInfo info : layers.layers()) {
            Map<String, Object> entry = info(info);
            entry.put("featureCount", layers.count(info.name(), null));
            layers.sources().geometries().layer(info.name()).ifPresent(stored -> stored(entry, stored));
            list.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("layers", list);
        body.put("importFailures", catalog.failures().values());
        return body;
    }

    private Map<String, Object> describeLayer(String name) {
        LayerSource.LayerInfo info = layers.layer(name)
                .orElseThrow(() -> new GisException(404, "no layer " + name));
        Map<String, Object> body = info(info);
        layers.sources().geometries().layer(name).ifPresent(stored -> stored(body, stored));
        List<Object> features = new ArrayList<>();
        for (GeoFeature feature : layers.features(name, null, 0, Integer.MAX_VALUE)) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", feature.id());
            entry.put("geometryType", feature.geometry().getGeometryType());
            var wgs84 = Reprojection.instance().transform(feature.geometry(), Reprojection.WGS84);
            if (feature.geometry().getDimension() == 2) {
                entry.put("areaKm2", Measures.geodesicArea(wgs84) / 1e6);
                entry.put("areaLambert93Km2", feature.geometry().getArea() / 1e6);
            } else if (feature.geometry().getDimension() == 1) {
                entry.put("lengthKm", Measures.geodesicLength(wgs84) / 1e3);
            }
            entry.put("properties", feature.properties());
            features.add(entry);
        }
        body.put("features", features);
        return body;
    }

    private static Map<String, Object> info(LayerSource.LayerInfo info) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", info.name());
        entry.put("title", info.title());
        entry.put("kind", info.kind());
        entry.put("geometryType", info.geometryType());
        if (info.extent() != null) {
            Envelope wgs84 = Reprojection.instance().transform(info.extent(), Reprojection.LAMBERT93,
                    Reprojection.WGS84);
            entry.put("bbox", List.of(wgs84.getMinX(), wgs84.getMinY(), wgs84.getMaxX(), wgs84.getMaxY()));
        }
        return entry;
    }

    private static void stored(Map<String, Object> entry, GeoLayer stored) {
        entry.put("featureCount", stored.featureCount());
        entry.put("catchment", stored.catchmentId());
        entry.put("source", stored.source());
        entry.put("settings", stored.settings());
        entry.put("importedAt", stored.importedAt().toString());
        entry.put("report", stored.report());
    }

    private Map<String, Object> importLayer(String name, HttpServletRequest request) throws IOException {
        // the body first: asking for a parameter would make the container read a form-encoded body as parameters
        // (curl --data-binary sends that content type)
        Path folder = Files.createTempDirectory("vigie-gis-upload-");
        try {
            Path body = receive(request, folder.resolve("body"));
            if (!GeoLayer.isValidName(name)) {
                throw new GisException(400, "layer name '" + name + "': use lower case letters, digits and dashes");
            }
            if (Situation.LAYERS.contains(name)) {
                throw new GisException(409, name + " is a situation layer, computed by Vigie");
            }
            String format = Optional.ofNullable(request.getParameter("format")).orElse("geojson")
                    .toLowerCase(Locale.ROOT);
            String extension = switch (format) {
                case "geojson", "json" -> ".geojson";
                case "gpkg", "geopackage" -> ".gpkg";
                case "zip", "shp", "shapefile" -> ".zip";
                default -> throw new GisException(400, "format '" + format + "': use geojson, gpkg or zip (a zipped"
                        + " shapefile)");
            };
            GeoLayer.Kind kind;
            try {
                kind = GeoLayer.Kind.valueOf(Optional.ofNullable(request.getParameter("kind")).orElse("REFERENCE")
                        .toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new GisException(400, "kind '" + request.getParameter("kind") + "': use one of "
                        + List.of(GeoLayer.Kind.values()));
            }
            Map<String, String> settings = new LinkedHashMap<>();
            for (String setting : List.of("title", "station", "levelProperty", "categoryProperty", "nameProperty",
                    "stationProperty")) {
                if (request.getParameter(setting) != null) {
                    settings.put(setting, request.getParameter(setting));
                }
            }
            if (kind == GeoLayer.Kind.FLOOD_EXTENT && !settings.containsKey("station")) {
                throw new GisException(400, "a flood-extent layer needs the station its levels refer to (station=…)");
            }
            Path file = Files.move(body, folder.resolve("upload" + extension));
            GeoLayer layer;
            try {
                layer = catalog.importFile(file, name, kind, request.getParameter("catchment"), settings,
                        request.getParameter("idProperty"), request.getParameter("table"),
                        "upload " + Optional.ofNullable(request.getParameter("filename")).orElse(format)
                                + " at " + Instant.now());
            } catch (IOException e) {
                throw new GisException(400, "the file cannot be read as " + format + ": " + e.getMessage());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("name", layer.name());
            stored(answer, layer);
            answer.put("geometryType", layer.geometryType());
            return answer;
        } finally {
            try (var paths = Files.list(folder)) {
                for (Path p : paths.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    private static Path receive(HttpServletRequest request, Path target) throws IOException {
        try (InputStream in = request.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > MAX_UPLOAD_BYTES) {
                    throw new GisException(413, "the file is larger than " + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB");
                }
                out.write(buffer, 0, n);
            }
        }
        return target;
    }

    private Map<String, Object> impact(String station, String levelText) {
        List<Object> impacts = new ArrayList<>();
        if (levelText != null) {
            if (station == null) {
                throw new GisException(400, "a level needs the station it is read at (station=…)");
            }
            double level;
            try {
                level = Double.parseDouble(levelText.replace(',', '.'));
            } catch (NumberFormatException e) {
                level = Double.NaN;
            }
            if (!Double.isFinite(level)) {
                throw new GisException(400, "level '" + levelText + "' is not a number of metres");
            }
            Situation.Outlook outlook = new Situation.Outlook(station, level, Instant.now(), "requested");
            List<GeoLayer> stored = layers.sources().geometries().layers();
            for (GeoLayer layer : stored) {
                if (layer.kind() == GeoLayer.Kind.FLOOD_EXTENT && station.equals(layer.settings().get("station"))) {
                    Situation.impact(layers.sources(), stored, layer, outlook).ifPresent(i -> impacts.add(json(i)));
                }
            }
            if (impacts.isEmpty()) {
                throw new GisException(404, "no flood-extent layer refers to station " + station);
            }
        } else {
            // read now, not from the few-seconds-old situation: this answer follows a forecast just issued
            for (Situation.Impact impact : Situation.impacts(layers.sources(), Instant.now())) {
                if (station == null || station.equals(impact.outlook().stationCode())) {
                    impacts.add(json(impact));
                }
            }
        }
        return Map.of("impacts", impacts);
    }

    private static Map<String, Object> json(Situation.Impact impact) {
        FloodImpact.Selection selection = impact.assessment().selection();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("station", impact.outlook().stationCode());
        body.put("extentLayer", impact.extentLayer().name());
        body.put("expectedPeak", Map.of("levelM", impact.outlook().level(), "time", impact.outlook().time().toString(),
                "basis", impact.outlook().basis()));
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("id", selection.scenario().feature().id());
        scenario.put("levelM", selection.scenario().level());
        scenario.put("name", selection.scenario().feature().properties().get("name"));
        scenario.put("beyondHighest", selection.beyondHighest());
        scenario.put("belowLowest", selection.belowLowest());
        scenario.put("explanation", selection.explanation());
        body.put("scenario", scenario);
        body.put("stakesReached", impact.assessment().reached().size());
        List<Object> categories = new ArrayList<>();
        impact.assessment().countByCategory().forEach((category, count) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("category", category);
            entry.put("count", count);
            Double length = impact.assessment().lengthByCategory().get(category);
            if (length != null) {
                entry.put("floodedLengthM", Math.round(length * 10) / 10.0);
            }
            categories.add(entry);
        });
        body.put("byCategory", categories);
        List<Object> stakes = new ArrayList<>();
        for (FloodImpact.Reached reached : impact.assessment().reached()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", reached.stake().id());
            entry.put("category", reached.category());
            entry.put("name", reached.stake().properties().get("name"));
            if (reached.floodedLength() > 0) {
                entry.put("floodedLengthM", Math.round(reached.floodedLength() * 10) / 10.0);
            }
            entry.put("properties", reached.stake().properties());
            stakes.add(entry);
        }
        body.put("stakes", stakes);
        return body;
    }

    private void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GeoFileWriter.Format format = GeoFileWriter.Format.parse(
                Optional.ofNullable(request.getParameter("format")).orElse("geojson"));
        int srid = crs(request.getParameter("crs"));
        List<String> names = Optional.ofNullable(request.getParameter("layers"))
                .map(l -> List.of(l.split(","))).orElse(Situation.LAYERS);
        List<GeoFileWriter.ExportLayer> export;
        try {
            export = layers.exportLayers(names);
        } catch (NoSuchElementException e) {
            throw new GisException(404, e.getMessage());
        }
        String fileName = fileName(names, format, srid, Instant.now());
        // written whole before the headers go out: a failure then answers an error, not a broken download
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        new GeoFileWriter(workbench.get()).write(format, export, srid, file);
        response.setContentType(format.mediaType(export.size()));
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setContentLength(file.size());
        file.writeTo(response.getOutputStream());
    }

    /** @return a file name made only of the (validated) layer names, the format, the system and the time */
    static String fileName(List<String> layerNames, GeoFileWriter.Format format, int srid, Instant at) {
        String what = layerNames.equals(Situation.LAYERS) ? "situation"
                : layerNames.size() == 1 ? layerNames.get(0).trim() : "layers";
        if (!GeoLayer.isValidName(what)) {
            throw new GisException(400, "layer name '" + what + "' is not valid");
        }
        return "vigie-" + what + "-" + FILE_TIME.format(at) + "-epsg" + srid + format.extension(layerNames.size());
    }

    static int crs(String text) {
        if (text == null || text.isBlank()) {
            return Reprojection.WGS84;
        }
        String code = text.trim().toUpperCase(Locale.ROOT).replace("EPSG:", "");
        try {
            int srid = Integer.parseInt(code);
            if (Reprojection.isSupported(srid)) {
                return srid;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GisException(400, "crs '" + text + "': use 4326 (WGS84) or 2154 (Lambert-93)");
    }

    /** Writes need a logged-in user or API token, as every write of the API. */
    private void requireUser(HttpServletRequest request) {
        if (!Authenticator.fromThisSite(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                request.getHeader("Host"))) {
            throw new GisException(403, "a write from another site's page is refused");
        }
        if (authenticator.authenticate(request.getHeader("Authorization")).isEmpty()) {
            throw new GisException(401, authenticator.configured()
                    ? "log in: valid user and password (HTTP Basic) or API token (Bearer) needed"
                    : "no user is configured yet: see docs/operations.md (bin/vigie passwd)");
        }
    }

    private static void json(HttpServletResponse response, Object body) throws IOException {
        response.setContentType("application/json; charset=utf-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        json(response, Map.of("error", message == null ? "error" : message));
    }
}

package org.vigie.gis.internal.ogc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.service.GeoFeature;
import org.vigie.gis.internal.GeoJson;
import org.vigie.gis.internal.LayerSource;
import org.vigie.gis.internal.LayerSource.LayerInfo;
import org.vigie.gis.internal.Reprojection;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OGC API – Features, Part 1: Core (OGC 17-069r4), with the GeoJSON and OpenAPI 3.0 conformance classes, over the
 * layers of a {@link LayerSource}; what QGIS and GDAL's OAPIF driver connect to. Independent of the servlet API:
 * {@link #handle} maps a request to a {@link Response}. Features are served in CRS84 (WGS84 longitude, latitude),
 * reprojected from Lambert-93 as they are streamed. JSON only. Thread-safe.
 */
public final class OgcFeatures {
    public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public static final int DEFAULT_LIMIT = 100;
    /** Larger {@code limit}s are reduced to this, as the specification allows. */
    public static final int MAX_LIMIT = 10_000;
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    private static final Logger LOG = LoggerFactory.getLogger(OgcFeatures.class);
    private static final Set<String> FORMAT_ONLY = Set.of("f");
    private static final Set<String> ITEMS_PARAMETERS = Set.of("limit", "offset", "bbox", "bbox-crs", "datetime", "f");
    /** RFC 3339 date or date-time, as {@code datetime} takes them alone or as the ends of an interval. */
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2}))?");
    /** Where Lambert-93 is meaningful (metropolitan France, generously): bounding boxes are clipped to it. */
    private static final Envelope LAMBERT93_DOMAIN = new Envelope(-20, 25, 30, 65);
    /** Features fetched per call while looking one up by identifier. */
    private static final int SCAN_PAGE = 1000;

    /** A response body, written once to the client (nothing for HEAD). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * @param contentType media type of the body
     * @param headers     further headers (e.g. {@code Allow})
     */
    public record Response(int status, String contentType, Body body, Map<String, String> headers) {
        /** @return the body rendered in memory (for tests and small documents) */
        public byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                body.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        Response withoutBody() {
            return new Response(status, contentType, out -> { }, headers);
        }
    }

    /** A request refused with an OGC exception document {@code {"code", "description"}}. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        Refusal(int status, String code, String description) {
            super(description, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    private record Link(String href, String rel, String type, String title) {
    }

    private record Request(String path, Map<String, List<String>> query, String baseUrl) {
        String single(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final LayerSource source;
    private final String title;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param title shown on the landing page and in the API definition */
    public OgcFeatures(LayerSource source, String title) {
        this.source = source;
        this.title = title;
    }

    /**
     * @param method  HTTP method; GET and HEAD are served, others get 405
     * @param path    the path after the mount point: "", "/", "/conformance", "/api", "/collections",
     *                "/collections/{id}", "/collections/{id}/items" or "/collections/{id}/items/{featureId}"
     * @param query   decoded query parameters (see {@link #parseQuery})
     * @param baseUrl absolute URL of the mount point, e.g. {@code http://127.0.0.1:8080/ogc}, used in links
     * @param accept  the {@code Accept} header, or {@code null}
     */
    public Response handle(String method, String path, Map<String, List<String>> query, String baseUrl,
                           String accept) {
        try {
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                throw new Refusal(405, "MethodNotAllowed", method + " is not supported; this API is read-only");
            }
            String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            Response response = route(new Request(normalise(path), query == null ? Map.of() : query, base),
                    accept);
            return "HEAD".equals(method) ? response.withoutBody() : response;
        } catch (Refusal refusal) {
            return error(refusal.status, refusal.code, refusal.getMessage());
        } catch (RuntimeException e) {
            LOG.error("OGC API Features: {} {} failed", method, path, e);
            return error(500, "ServerError", "the request could not be answered; the server log says why");
        }
    }

    /** @return the parameters of a raw (still encoded) query string, in order; {@code null} gives none */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return query;
    }

    private Response route(Request request, String accept) {
        String[] segments = request.path().isEmpty() ? new String[0] : request.path().substring(1).split("/", 4);
        if (segments.length == 0) {
            return json(request, FORMAT_ONLY, accept, JSON, () -> landingPage(request.baseUrl()));
        }
        if (segments.length == 1) {
            switch (segments[0]) {
                case "conformance":
                    return json(request, FORMAT_ONLY, accept, JSON, this::conformance);
                case "api":
                    return json(request, FORMAT_ONLY, accept, OPENAPI, () -> OpenApiDocument.build(mapper, title,
                            request.baseUrl(), source.layers().stream().map(LayerInfo::name).toList()));
                case "collections":
                    return json(request, FORMAT_ONLY, accept, JSON, () -> collections(request.baseUrl()));
                default:
                    throw notFound("no resource " + request.path());
            }
        }
        if (!"collections".equals(segments[0]) || segments.length > 2 && !"items".equals(segments[2])) {
            throw notFound("no resource " + request.path());
        }
        LayerInfo layer = source.layer(segments[1]).orElseThrow(() -> notFound("no collection '" + segments[1] + "'"));
        if (segments.length == 2) {
            return json(request, FORMAT_ONLY, accept, JSON, () -> collection(layer, request.baseUrl()));
        }
        if (segments.length == 3) {
            checkParameters(request, ITEMS_PARAMETERS, accept);
            return items(layer, request);
        }
        checkParameters(request, FORMAT_ONLY, accept);
        return item(layer, segments[3], request.baseUrl());
    }

    private Response json(Request request, Set<String> allowed, String accept, String contentType,
                          Supplier<ObjectNode> document) {
        checkParameters(request, allowed, accept);
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(document.get());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new Response(200, contentType, out -> out.write(bytes), Map.of());
    }

    private ObjectNode landingPage(String base) {
        ObjectNode page = mapper.createObjectNode();
        page.put("title", title);
        page.put("description", "OGC API - Features access to the layers of " + title);
        ArrayNode links = page.putArray("links");
        link(links, base, "self", JSON, "This document");
        link(links, base + "/api", "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)");
        link(links, base + "/conformance", "conformance", JSON, "Conformance classes implemented");
        link(links, base + "/collections", "data", JSON, "The feature collections");
        return page;
    }

    private ObjectNode conformance() {
        ObjectNode document = mapper.createObjectNode();
        CONFORMANCE.forEach(document.putArray("conformsTo")::add);
        return document;
    }

    private ObjectNode collections(String base) {
        ObjectNode document = mapper.createObjectNode();
        link(document.putArray("links"), base + "/collections", "self", JSON, "The feature collections");
        ArrayNode collections = document.putArray("collections");
        source.layers().forEach(layer -> collections.add(collection(layer, base)));
        return document;
    }

    private ObjectNode collection(LayerInfo layer, String base) {
        String href = base + "/collections/" + encodeSegment(layer.name());
        ObjectNode collection = mapper.createObjectNode();
        collection.put("id", layer.name());
        collection.put("title", layer.title());
        collection.put("itemType", "feature");
        if (layer.extent() != null && !layer.extent().isNull()) {
            Envelope lonLat = Reprojection.instance().transform(layer.extent(), Reprojection.LAMBERT93,
                    Reprojection.WGS84);
            ObjectNode spatial = collection.putObject("extent").putObject("spatial");
            spatial.putArray("bbox").addArray()
                    .add(Math.floor(lonLat.getMinX() * 1e7) / 1e7).add(Math.floor(lonLat.getMinY() * 1e7) / 1e7)
                    .add(Math.ceil(lonLat.getMaxX() * 1e7) / 1e7).add(Math.ceil(lonLat.getMaxY() * 1e7) / 1e7);
            spatial.put("crs", CRS84);
        }
        collection.putArray("crs").add(CRS84);
        ArrayNode links = collection.putArray("links");
        link(links, href, "self", JSON, layer.title());
        link(links, href + "/items", "items", GEOJSON, layer.title() + " (GeoJSON)");
        return collection;
    }

    private Response items(LayerInfo layer, Request request) {
        int limit = limit(request.single("limit"));
        int offset = offset(request.single("offset"));
        checkDatetime(request.single("datetime"));
        List<Envelope> lonLat = bbox(request.single("bbox"), request.single("bbox-crs"));
        Envelope lambert = lonLat.isEmpty() ? null : toLambert93(lonLat);
        boolean outside = !lonLat.isEmpty() && lambert.isNull();
        int matched = outside ? 0 : source.count(layer.name(), lambert);
        List<GeoFeature> page = outside || offset >= matched ? List.of()
                : source.features(layer.name(), lambert, offset, limit);

        String itemsUrl = request.baseUrl() + "/collections/" + encodeSegment(layer.name()) + "/items";
        List<Link> links = new ArrayList<>();
        links.add(new Link(itemsUrl + queryString(request.query()), "self", GEOJSON, "This page"));
        if ((long) offset + page.size() < matched) {
            links.add(new Link(itemsUrl + pageQuery(request.query(), limit, offset + page.size()), "next", GEOJSON,
                    "Next page"));
        }
        if (offset > 0) {
            links.add(new Link(itemsUrl + pageQuery(request.query(), limit, Math.max(0, offset - limit)), "prev",
                    GEOJSON, "Previous page"));
        }
        links.add(new Link(request.baseUrl() + "/collections/" + encodeSegment(layer.name()), "collection", JSON,
                layer.title()));
        String timeStamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return new Response(200, GEOJSON, out -> {
            try (JsonGenerator json = generator(out)) {
                json.writeStartObject();
                json.writeStringField("type", "FeatureCollection");
                json.writeStringField("timeStamp", timeStamp);
                json.writeNumberField("numberMatched", matched);
                json.writeNumberField("numberReturned", page.size());
                writeLinks(json, links);
                json.writeArrayFieldStart("features");
                for (GeoFeature feature : page) {
                    GeoJson.writeFeature(json, feature, lonLat(feature));
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        }, Map.of());
    }

    private Response item(LayerInfo layer, String id, String base) {
        GeoFeature feature = find(layer.name(), id)
                .orElseThrow(() -> notFound("no feature '" + id + "' in collection '" + layer.name() + "'"));
        String collectionUrl = base + "/collections/" + encodeSegment(layer.name());
        List<Link> links = List.of(
                new Link(collectionUrl + "/items/" + encodeSegment(id), "self", GEOJSON, "This feature"),
                new Link(collectionUrl, "collection", JSON, layer.title()));
        return new Response(200, GEOJSON, out -> {
            try (JsonGenerator json = generator(out)) {
                // GeoJson.writeFeature closes the object; a single feature also carries its links
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                json.writeStringField("id", feature.id());
                json.writeFieldName("geometry");
                GeoJson.writeGeometry(json, lonLat(feature));
                json.writeFieldName("properties");
                GeoJson.writeProperties(json, feature.properties());
                writeLinks(json, links);
                json.writeEndObject();
            }
        }, Map.of());
    }

    /** LayerSource has no lookup by identifier: scan the layer in stable order. */
    private Optional<GeoFeature> find(String layer, String id) {
        for (int offset = 0; ; offset += SCAN_PAGE) {
            List<GeoFeature> features = source.features(layer, null, offset, SCAN_PAGE);
            for (GeoFeature feature : features) {
                if (feature.id().equals(id)) {
                    return Optional.of(feature);
                }
            }
            if (features.size() < SCAN_PAGE) {
                return Optional.empty();
            }
        }
    }

    // ---- parameters ----

    /** Unknown or repeated parameters are refused (400) before the format is negotiated (406). */
    private static void checkParameters(Request request, Set<String> allowed, String accept) {
        for (Map.Entry<String, List<String>> parameter : request.query().entrySet()) {
            if (!allowed.contains(parameter.getKey())) {
                throw badRequest("unknown parameter '" + parameter.getKey() + "'; " + request.path()
                        + " accepts " + allowed.stream().sorted().toList());
            }
            if (parameter.getValue().size() > 1) {
                throw badRequest("parameter '" + parameter.getKey() + "' is given more than once");
            }
        }
        negotiate(request.single("f"), accept);
    }

    private static void negotiate(String format, String accept) {
        if (format != null) {
            if (!"json".equalsIgnoreCase(format)) {
                throw new Refusal(406, "NotAcceptable", "format '" + format + "' is not served; use f=json");
            }
            return;
        }
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                refused |= parts[i].trim().matches("[qQ]\\s*=\\s*0(\\.0*)?");
            }
            if (!refused && (type.equals("*/*") || type.equals("application/*") || type.equals(JSON)
                    || type.endsWith("+json"))) {
                return;
            }
        }
        throw new Refusal(406, "NotAcceptable", "only JSON is served (application/json, application/geo+json), not "
                + accept + "; ask with f=json");
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (!value.matches("\\d+") || new BigInteger(value).signum() == 0) {
            throw badRequest("limit must be an integer from 1 to " + MAX_LIMIT + ", not '" + value + "'");
        }
        return new BigInteger(value).min(BigInteger.valueOf(MAX_LIMIT)).intValue();
    }

    private static int offset(String value) {
        if (value == null) {
            return 0;
        }
        if (!value.matches("\\d+")) {
            throw badRequest("offset must be an integer from 0, not '" + value + "'");
        }
        return new BigInteger(value).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    /**
     * The layers carry no time, so a valid {@code datetime} (an instant, or an interval with ".." for an open end)
     * restricts nothing; it is accepted because Part 1 requires the parameter.
     */
    private static void checkDatetime(String value) {
        if (value == null) {
            return;
        }
        String[] ends = value.split("/", -1);
        boolean valid = ends.length == 1 ? INSTANT.matcher(value).matches()
                : ends.length == 2 && !(isOpen(ends[0]) && isOpen(ends[1]))
                && (isOpen(ends[0]) || INSTANT.matcher(ends[0]).matches())
                && (isOpen(ends[1]) || INSTANT.matcher(ends[1]).matches());
        if (!valid) {
            throw badRequest("datetime must be an RFC 3339 date or date-time, or an interval of them (open ends: ..), "
                    + "not '" + value + "'");
        }
    }

    private static boolean isOpen(String end) {
        return end.isEmpty() || "..".equals(end);
    }

    /** @return the CRS84 envelope of {@code bbox}, two when it crosses the antimeridian; none without bbox */
    private static List<Envelope> bbox(String value, String crs) {
        if (crs != null && !CRS84.equals(crs)) {
            throw badRequest("bbox-crs must be " + CRS84 + " (Part 1: Core only), not '" + crs + "'");
        }
        if (value == null) {
            return List.of();
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw badRequest("bbox must be 4 numbers (minLon,minLat,maxLon,maxLat) or 6 with heights, not '"
                    + value + "'");
        }
        double[] numbers = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                numbers[i] = Double.NaN;
            }
            if (!Double.isFinite(numbers[i])) {
                throw badRequest("bbox must be numbers, not '" + value + "'");
            }
        }
        int upper = parts.length / 2;
        double minLon = numbers[0];
        double minLat = numbers[1];
        double maxLon = numbers[upper];
        double maxLat = numbers[upper + 1];
        if (Math.abs(minLon) > 180 || Math.abs(maxLon) > 180 || Math.abs(minLat) > 90 || Math.abs(maxLat) > 90
                || minLat > maxLat) {
            throw badRequest("bbox must be minLon,minLat,maxLon,maxLat in degrees with minLat <= maxLat, not '"
                    + value + "'");
        }
        return minLon <= maxLon ? List.of(new Envelope(minLon, maxLon, minLat, maxLat))
                : List.of(new Envelope(minLon, 180, minLat, maxLat), new Envelope(-180, maxLon, minLat, maxLat));
    }

    // ---- geometry ----

    private static org.locationtech.jts.geom.Geometry lonLat(GeoFeature feature) {
        return Reprojection.instance().transform(feature.geometry(), Reprojection.WGS84);
    }

    /**
     * @return the Lambert-93 envelope covering CRS84 boxes; a null envelope when they lie outside the area Lambert-93
     * covers (then nothing matches)
     */
    private static Envelope toLambert93(List<Envelope> lonLat) {
        Envelope lambert = new Envelope();
        for (Envelope box : lonLat) {
            Envelope clipped = box.intersection(LAMBERT93_DOMAIN);
            if (!clipped.isNull()) {
                lambert.expandToInclude(Reprojection.instance().transform(clipped, Reprojection.WGS84,
                        Reprojection.LAMBERT93));
            }
        }
        lambert.expandBy(1.0); // the sag of parallels between samples stays under half a metre
        return lambert;
    }

    // ---- writing ----

    private JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return json;
    }

    private static void writeLinks(JsonGenerator json, List<Link> links) throws IOException {
        json.writeArrayFieldStart("links");
        for (Link link : links) {
            json.writeStartObject();
            json.writeStringField("href", link.href());
            json.writeStringField("rel", link.rel());
            json.writeStringField("type", link.type());
            json.writeStringField("title", link.title());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void link(ArrayNode links, String href, String rel, String type, String title) {
        links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
    }

    private Response error(int status, String code, String description) {
        ObjectNode error = mapper.createObjectNode().put("code", code).put("description", description);
        byte[] bytes = error.toString().getBytes(StandardCharsets.UTF_8);
        return new Response(status, JSON, out -> out.write(bytes),
                status == 405 ? Map.of("Allow", "GET, HEAD") : Map.of());
    }

    private static Refusal badRequest(String description) {
        return new Refusal(400, "InvalidParameterValue", description);
    }

    private static Refusal notFound(String description) {
        return new Refusal(404, "NotFound", description);
    }

    // ---- URLs ----

    private static String normalise(String path) {
        String normalised = path == null ? "" : path;
        while (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }

    /** @return the query with {@code limit} and {@code offset} set, the other parameters kept */
    private static String pageQuery(Map<String, List<String>> query, int limit, int offset) {
        Map<String, List<String>> page = new LinkedHashMap<>(query);
        page.put("limit", List.of(Integer.toString(limit)));
        page.put("offset", List.of(Integer.toString(offset)));
        return queryString(page);
    }

    private static String queryString(Map<String, List<String>> query) {
        StringBuilder result = new StringBuilder();
        query.forEach((name, values) -> values.forEach(value -> result.append(result.length() == 0 ? '?' : '&')
                .append(encode(name)).append('=').append(encode(value))));
        return result.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",");
    }

    private static String encodeSegment(String segment) {
        return encode(segment).replace(",", "%2C");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}

package org.vigie.gis.internal.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.vigie.api.service.GeoFeature;
import org.vigie.gis.internal.Reprojection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class OgcFeaturesTest {
    private static final String BASE = "http://localhost:8080/ogc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryLayerSource source = new InMemoryLayerSource();
    private final OgcFeatures api = new OgcFeatures(source, "Vigie test");

    @Test
    void theLandingPageLinksToTheApiTheConformanceAndTheData() {
        OgcFeatures.Response response = get("");
        assertEquals(200, response.status());
        assertEquals("application/json", response.contentType());
        JsonNode links = json(response).get("links");
        assertEquals(BASE, link(links, "self").get("href").asText());
        assertEquals(BASE + "/api", link(links, "service-desc").get("href").asText());
        assertEquals("application/vnd.oai.openapi+json;version=3.0", link(links, "service-desc").get("type").asText());
        assertEquals(BASE + "/conformance", link(links, "conformance").get("href").asText());
        assertEquals(BASE + "/collections", link(links, "data").get("href").asText());
        assertEquals(json(get("/")), json(response), "with or without the trailing slash");
    }

    @Test
    void theConformanceDeclarationListsCoreGeoJsonAndOpenApi() {
        JsonNode conformsTo = json(get("/conformance")).get("conformsTo");
        Set<String> classes = new HashSet<>();
        conformsTo.forEach(c -> classes.add(c.asText()));
        assertEquals(Set.of("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"), classes);
    }

    @Test
    void theApiDefinitionIsOpenApi30WithEveryPathAndResolvableReferences() {
        OgcFeatures.Response response = get("/api");
        assertEquals("application/vnd.oai.openapi+json;version=3.0", response.contentType());
        JsonNode api = json(response);
        assertTrue(api.get("openapi").asText().startsWith("3.0."));
        assertEquals(BASE, api.at("/servers/0/url").asText());
        Set<String> paths = new HashSet<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);
        assertEquals(Set.of("/", "/conformance", "/api", "/collections", "/collections/{collectionId}",
                "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}"), paths);
        assertEquals(10_000, api.at("/components/parameters/limit/schema/maximum").asInt());
        assertEquals(List.of("stations", "zones", "rivers"),
                JSON.convertValue(api.at("/components/parameters/collectionId/schema/enum"), List.class));
        List<String> references = new ArrayList<>();
        api.findValues("$ref").forEach(ref -> references.add(ref.asText()));
        assertTrue(references.size() > 20);
        for (String reference : references) {
            assertFalse(api.at(reference.substring(1)).isMissingNode(), reference + " resolves");
        }
        api.at("/paths/~1collections~1{collectionId}~1items/get/responses").forEach(answer ->
                assertFalse(api.at(answer.get("$ref").asText().substring(1) + "/description").isMissingNode()));
    }

    @Test
    void collectionsGiveTheirExtentInCrs84AndLinkToTheirItems() {
        JsonNode document = json(get("/collections"));
        assertEquals(BASE + "/collections", link(document.get("links"), "self").get("href").asText());
        JsonNode collections = document.get("collections");
        assertEquals(3, collections.size());
        JsonNode stations = collections.get(0);
        assertEquals("stations", stations.get("id").asText());
        assertEquals("Gauging stations", stations.get("title").asText());
        assertEquals("feature", stations.get("itemType").asText());
        assertEquals(OgcFeatures.CRS84, stations.get("crs").get(0).asText());
        assertEquals(OgcFeatures.CRS84, stations.at("/extent/spatial/crs").asText());
        JsonNode items = link(stations.get("links"), "items");
        assertEquals(BASE + "/collections/stations/items", items.get("href").asText());
        assertEquals("application/geo+json", items.get("type").asText());

        // the grid's corners, reprojected, bound it (a rectangle in Lambert-93 is nearly one in CRS84 here)
        double maxX = InMemoryLayerSource.X0 + (InMemoryLayerSource.COLUMNS - 1) * InMemoryLayerSource.SPACING;
        double maxY = InMemoryLayerSource.Y0 + (InMemoryLayerSource.ROWS - 1) * InMemoryLayerSource.SPACING;
        double[][] corners = {lonLat(InMemoryLayerSource.X0, InMemoryLayerSource.Y0),
            lonLat(maxX, InMemoryLayerSource.Y0), lonLat(InMemoryLayerSource.X0, maxY), lonLat(maxX, maxY)};
        JsonNode bbox = stations.at("/extent/spatial/bbox/0");
        assertEquals(4, bbox.size());
        double minLon = Math.min(corners[0][0], corners[2][0]);
        double minLat = Math.min(corners[0][1], corners[1][1]);
        double maxLon = Math.max(corners[1][0], corners[3][0]);
        double maxLat = Math.max(corners[2][1], corners[3][1]);
        assertEquals(minLon, bbox.get(0).asDouble(), 1e-6);
        assertEquals(minLat, bbox.get(1).asDouble(), 1e-6);
        assertEquals(maxLon, bbox.get(2).asDouble(), 1e-6);
        assertEquals(maxLat, bbox.get(3).asDouble(), 1e-6);
        assertTrue(bbox.get(0).asDouble() > 1.8 && bbox.get(2).asDouble() < 2.0, "Orléans is near 1.9°E");
    }

    @Test
    void oneCollectionIsDescribedAtItsOwnPath() {
        JsonNode zones = json(get("/collections/zones"));
        assertEquals("zones", zones.get("id").asText());
        assertEquals(BASE + "/collections/zones", link(zones.get("links"), "self").get("href").asText());
    }

    @Test
    void itemsArePagedWithNextLinksUntilTheEnd() {
        OgcFeatures.Response response = get("/collections/stations/items", "limit", "40");
        assertEquals("application/geo+json", response.contentType());
        List<String> ids = new ArrayList<>();
        int pages = 0;
        JsonNode page = json(response);
        while (true) {
            pages++;
            assertEquals("FeatureCollection", page.get("type").asText());
            assertEquals(250, page.get("numberMatched").asInt());
            assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
            assertNotNull(Instant.parse(page.get("timeStamp").asText()));
            page.get("features").forEach(feature -> ids.add(feature.get("id").asText()));
            Optional<JsonNode> next = optionalLink(page.get("links"), "next");
            if (next.isEmpty()) {
                break;
            }
            assertEquals("application/geo+json", next.get().get("type").asText());
            page = json(follow(next.get().get("href").asText()));
        }
        assertEquals(7, pages);
        assertEquals(250, ids.size());
        assertEquals(250, new HashSet<>(ids).size());
        assertEquals(InMemoryLayerSource.stationId(1), ids.get(0));
        assertEquals(InMemoryLayerSource.stationId(250), ids.get(249));
        assertEquals(10, page.get("numberReturned").asInt());
        assertEquals(BASE + "/collections/stations/items?limit=40&offset=200",
                link(page.get("links"), "prev").get("href").asText());
    }

    @Test
    void theDefaultLimitIs100AndLargerLimitsAreReducedTo10000() {
        JsonNode first = json(get("/collections/stations/items"));
        assertEquals(100, first.get("numberReturned").asInt());
        assertEquals(BASE + "/collections/stations/items?limit=100&offset=100",
                link(first.get("links"), "next").get("href").asText());
        assertTrue(optionalLink(first.get("links"), "prev").isEmpty());

        JsonNode all = json(get("/collections/stations/items", "limit", "99999999999999999999"));
        assertEquals(250, all.get("numberReturned").asInt());
        assertTrue(optionalLink(all.get("links"), "next").isEmpty());

        JsonNode beyond = json(get("/collections/stations/items", "offset", "300"));
        assertEquals(0, beyond.get("numberReturned").asInt());
        assertEquals(250, beyond.get("numberMatched").asInt());
    }

    @Test
    void pagingLinksKeepTheOtherParameters() {
        String bbox = "1.8,47.8,2.0,48.0";
        JsonNode page = json(get("/collections/stations/items", "f", "json", "bbox", bbox, "limit", "5",
                "offset", "10"));
        assertEquals(BASE + "/collections/stations/items?f=json&bbox=" + bbox + "&limit=5&offset=10",
                link(page.get("links"), "self").get("href").asText());
        assertEquals(BASE + "/collections/stations/items?f=json&bbox=" + bbox + "&limit=5&offset=15",
                link(page.get("links"), "next").get("href").asText());
        assertEquals(BASE + "/collections/stations/items?f=json&bbox=" + bbox + "&limit=5&offset=5",
                link(page.get("links"), "prev").get("href").asText());
    }

    @Test
    void aBboxSelectsTheFeaturesInsideIt() {
        // edges half-way between grid lines (columns 4|5 and 14|15, rows 2|3 and 6|7): 10 × 4 stations inside
        double[] southWest = lonLat(InMemoryLayerSource.X0 + 4.5 * InMemoryLayerSource.SPACING,
                InMemoryLayerSource.Y0 + 2.5 * InMemoryLayerSource.SPACING);
        double[] northEast = lonLat(InMemoryLayerSource.X0 + 14.5 * InMemoryLayerSource.SPACING,
                InMemoryLayerSource.Y0 + 6.5 * InMemoryLayerSource.SPACING);
        String bbox = southWest[0] + "," + southWest[1] + "," + northEast[0] + "," + northEast[1];
        Set<String> expected = new HashSet<>();
        for (GeoFeature station : source.features(InMemoryLayerSource.STATIONS, null, 0, 1000)) {
            Coordinate c = Reprojection.instance().transform(station.geometry(), Reprojection.WGS84).getCoordinate();
            if (c.x >= southWest[0] && c.x <= northEast[0] && c.y >= southWest[1] && c.y <= northEast[1]) {
                expected.add(station.id());
            }
        }
        assertEquals(40, expected.size());

        JsonNode page = json(get("/collections/stations/items", "bbox", bbox));
        assertEquals(40, page.get("numberMatched").asInt());
        assertEquals(expected, ids(page));
        String bbox3d = southWest[0] + "," + southWest[1] + ",-10," + northEast[0] + "," + northEast[1] + ",100";
        assertEquals(expected, ids(json(get("/collections/stations/items", "bbox", bbox3d,
                "bbox-crs", OgcFeatures.CRS84))));

        JsonNode zones = json(get("/collections/zones/items", "bbox", bbox));
        assertEquals(Set.of("z1", "z2"), ids(zones), "z1's outline crosses the box; z3 lies east of it");
    }

    @Test
    void aWorldBboxSelectsEverythingAndOneElsewhereNothing() {
        assertEquals(250, json(get("/collections/stations/items", "bbox", "-180,-90,180,90"))
                .get("numberMatched").asInt());
        assertEquals(250, json(get("/collections/stations/items", "bbox", "175,-90,170,90"))
                .get("numberMatched").asInt(), "175°E eastwards across the antimeridian to 170°E");
        assertEquals(0, json(get("/collections/stations/items", "bbox", "170,-90,-170,90"))
                .get("numberMatched").asInt(), "170°E to 170°W across the antimeridian");
        JsonNode nowhere = json(get("/collections/stations/items", "bbox", "100,0,110,10"));
        assertEquals(0, nowhere.get("numberMatched").asInt());
        assertEquals(0, nowhere.get("features").size());
    }

    @Test
    void aFeatureIsServedAloneInCrs84WithItsLinks() {
        OgcFeatures.Response response = get("/collections/stations/items/s042");
        assertEquals(200, response.status());
        assertEquals("application/geo+json", response.contentType());
        JsonNode feature = json(response);
        assertEquals("Feature", feature.get("type").asText());
        assertEquals("s042", feature.get("id").asText());
        assertEquals("Station 42", feature.at("/properties/name").asText());
        assertEquals(42, feature.at("/properties/rank").asInt());
        assertTrue(feature.at("/properties/active").isBoolean());
        assertEquals(BASE + "/collections/stations/items/s042",
                link(feature.get("links"), "self").get("href").asText());
        assertEquals(BASE + "/collections/stations", link(feature.get("links"), "collection").get("href").asText());

        Coordinate expected = reprojected(source.feature(InMemoryLayerSource.STATIONS, "s042")).getCoordinate();
        assertEquals("Point", feature.at("/geometry/type").asText());
        assertEquals(expected.x, feature.at("/geometry/coordinates/0").asDouble(), 1e-7);
        assertEquals(expected.y, feature.at("/geometry/coordinates/1").asDouble(), 1e-7);
    }

    @Test
    void everyCoordinateOfAPageIsTheReprojectedSource() {
        for (String layer : List.of(InMemoryLayerSource.STATIONS, InMemoryLayerSource.ZONES,
                InMemoryLayerSource.RIVERS)) {
            for (JsonNode feature : json(get("/collections/" + layer + "/items", "limit", "1000")).get("features")) {
                Geometry expected = reprojected(source.feature(layer, feature.get("id").asText()));
                List<double[]> positions = new ArrayList<>();
                collectPositions(feature.at("/geometry/coordinates"), positions);
                assertEquals(expected.getNumPoints(), positions.size(), feature.get("id").asText());
                for (double[] position : positions) {
                    double nearest = Double.MAX_VALUE;
                    for (Coordinate c : expected.getCoordinates()) {
                        nearest = Math.min(nearest, Math.max(Math.abs(c.x - position[0]), Math.abs(c.y - position[1])));
                    }
                    assertTrue(nearest <= 1e-7, feature.get("id") + " is " + nearest + "° off");
                }
            }
        }
        JsonNode island = json(get("/collections/zones/items/z1"));
        assertEquals("Polygon", island.at("/geometry/type").asText());
        assertEquals(2, island.at("/geometry/coordinates").size(), "the hole is kept");
        assertEquals("LineString", json(get("/collections/rivers/items/loire")).at("/geometry/type").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit | 0", "limit | -1", "limit | ten", "limit | 1.5", "offset | -3", "offset | x",
        "bbox | 1,47,2", "bbox | a,b,c,d", "bbox | 1,48,2,47", "bbox | 1,47,2,95", "bbox | 1,47,200,48",
        "bbox | 1,47,2,48,3", "bbox | NaN,47,2,48",
        "bbox-crs | http://www.opengis.net/def/crs/EPSG/0/2154", "datetime | yesterday",
        "datetime | ../..", "filter | name='x'", "resultType | hits"})
    void anInvalidOrUnknownParameterIsRefusedWith400(String name, String value) {
        OgcFeatures.Response response = get("/collections/stations/items", name, value);
        assertEquals(400, response.status(), name + "=" + value);
        assertEquals("application/json", response.contentType());
        JsonNode error = json(response);
        assertEquals("InvalidParameterValue", error.get("code").asText());
        assertTrue(error.get("description").asText().contains(name), error.get("description").asText());
    }

    @Test
    void unknownParametersAreRefusedEverywhereAndTheMessageSaysSo() {
        OgcFeatures.Response response = get("/collections", "limit", "10");
        assertEquals(400, response.status());
        assertTrue(json(response).get("description").asText().startsWith("unknown parameter 'limit'"));
        assertEquals(400, get("/collections/stations/items", "limit", "10", "limit", "20").status(),
                "a repeated parameter");
    }

    @Test
    void validTimesAreAcceptedButRestrictNothingSinceTheLayersCarryNone() {
        for (String datetime : List.of("2024-06-01", "2024-06-01T12:00:00Z", "2024-06-01T00:00:00Z/..",
                "../2024-06-01", "2024-06-01/2024-06-02")) {
            assertEquals(250, json(get("/collections/stations/items", "datetime", datetime))
                    .get("numberMatched").asInt(), datetime);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing", "/collections/lakes", "/collections/lakes/items",
        "/collections/stations/things", "/collections/stations/items/s999", "/collections/lakes/items/s001",
        "/conformance/more"})
    void anUnknownResourceIs404(String path) {
        OgcFeatures.Response response = get(path);
        assertEquals(404, response.status(), path);
        assertEquals("application/json", response.contentType());
        assertEquals("NotFound", json(response).get("code").asText());
        assertFalse(json(response).get("description").asText().isBlank());
    }

    @Test
    void onlyGetAndHeadAreServed() {
        OgcFeatures.Response post = api.handle("POST", "/collections", Map.of(), BASE, null);
        assertEquals(405, post.status());
        assertEquals("GET, HEAD", post.headers().get("Allow"));
        assertEquals("MethodNotAllowed", json(post).get("code").asText());

        OgcFeatures.Response head = api.handle("HEAD", "/collections/stations/items", Map.of(), BASE, null);
        assertEquals(200, head.status());
        assertEquals("application/geo+json", head.contentType());
        assertEquals(0, head.bytes().length);
    }

    @Test
    void aFailingSourceGivesA500ExceptionDocument() {
        OgcFeatures broken = new OgcFeatures(new InMemoryLayerSource() {
            @Override
            public int count(String name, Envelope bbox) {
                throw new IllegalStateException("database gone");
            }
        }, "Broken");
        OgcFeatures.Response response = broken.handle("GET", "/collections/stations/items", Map.of(), BASE, null);
        assertEquals(500, response.status());
        assertEquals("ServerError", json(response).get("code").asText());
    }

    @Test
    void onlyJsonIsServed() {
        OgcFeatures.Response html = get("/collections", "f", "html");
        assertEquals(406, html.status());
        assertEquals("NotAcceptable", json(html).get("code").asText());
        assertEquals(406, api.handle("GET", "/", Map.of(), BASE, "text/html").status());
        assertEquals(406, api.handle("GET", "/", Map.of(), BASE, "text/html, application/json;q=0").status());
        for (String accept : List.of("application/json", "application/geo+json, application/json",
                "text/html,application/xhtml+xml,*/*;q=0.8", "application/vnd.oai.openapi+json;version=3.0")) {
            assertEquals(200, api.handle("GET", "/api", Map.of(), BASE, accept).status(), accept);
        }
        assertEquals(200, api.handle("GET", "/", Map.of("f", List.of("json")), BASE, "text/html").status(),
                "f wins over Accept");
    }

    @Test
    void queryStringsAreDecodedInOrder() {
        Map<String, List<String>> query = OgcFeatures.parseQuery("bbox=1.8%2C47.8,2,48&f=json&name=a+b&flag&bad=%zz");
        assertEquals(List.of("bbox", "f", "name", "flag", "bad"), List.copyOf(query.keySet()));
        assertEquals(List.of("1.8,47.8,2,48"), query.get("bbox"));
        assertEquals(List.of("a b"), query.get("name"));
        assertEquals(List.of(""), query.get("flag"));
        assertEquals(List.of("%zz"), query.get("bad"));
        assertTrue(OgcFeatures.parseQuery(null).isEmpty());
    }

    // ---- helpers ----

    private OgcFeatures.Response get(String path, String... parameters) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            query.computeIfAbsent(parameters[i], key -> new ArrayList<>()).add(parameters[i + 1]);
        }
        return api.handle("GET", path, query, BASE, "application/geo+json, application/json");
    }

    private OgcFeatures.Response follow(String href) {
        URI uri = URI.create(href);
        assertTrue(href.startsWith(BASE), href);
        return api.handle("GET", uri.getPath().substring(URI.create(BASE).getPath().length()),
                OgcFeatures.parseQuery(uri.getRawQuery()), BASE, null);
    }

    private static JsonNode json(OgcFeatures.Response response) {
        try {
            return JSON.readTree(response.bytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<JsonNode> optionalLink(JsonNode links, String rel) {
        for (JsonNode link : links) {
            if (rel.equals(link.get("rel").asText())) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    private static JsonNode link(JsonNode links, String rel) {
        return optionalLink(links, rel).orElseThrow(() -> new AssertionError("no " + rel + " link in " + links));
    }

    private static Set<String> ids(JsonNode collection) {
        Set<String> ids = new HashSet<>();
        collection.get("features").forEach(feature -> ids.add(feature.get("id").asText()));
        return ids;
    }

    private static double[] lonLat(double x, double y) {
        return Reprojection.instance().transform(x, y, Reprojection.LAMBERT93, Reprojection.WGS84);
    }

    private static Geometry reprojected(GeoFeature feature) {
        return Reprojection.instance().transform(feature.geometry(), Reprojection.WGS84);
    }

    private static void collectPositions(JsonNode coordinates, List<double[]> positions) {
        if (coordinates.get(0).isNumber()) {
            positions.add(new double[] {coordinates.get(0).asDouble(), coordinates.get(1).asDouble()});
        } else {
            coordinates.forEach(child -> collectPositions(child, positions));
        }
    }
}

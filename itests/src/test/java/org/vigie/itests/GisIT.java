package org.vigie.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.SeriesStore;

/**
 * The GIS of the running platform with the demo catchment's layers: a Loire forecast crossing a flood-extent scenario
 * lists the stakes it reaches; every export format is read by GDAL; the OGC API – Features endpoint is read by GDAL's
 * OAPIF driver; a layer is imported and removed through the API; a rainfall grid becomes the Dhuy's areal rainfall.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GisIT {
    private static final String LOIRE = "K435001010";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return VigieDistribution.options(VigieDistribution.freshCopy("gis"), VigieDistribution.freePort());
    }

    private String base() {
        return "http://localhost:" + context.getProperty("org.osgi.service.http.port");
    }

    @Test
    public void theDemoCatchmentsLayersAreImportedAndAForecastListsTheStakesItReaches() throws Exception {
        awaitDemoLayers();
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        Path home = Path.of(context.getProperty("vigie.home"));
        Path inbox = Files.createDirectories(home.resolve("data/inbox"));
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        StringBuilder csv = new StringBuilder("time,H\n");
        for (int h = 47; h >= 0; h--) {
            // the Loire rising to 2.55 m at the Pont Royal: between the 2.0 m and 3.0 m scenarios
            csv.append(end.minus(Duration.ofHours(h))).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", 0.9 + 1.65 * (47 - h) / 47.0)).append('\n');
        }
        Path partial = inbox.resolve(LOIRE + "_gis.csv.part");
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, inbox.resolve(LOIRE + "_gis.csv"), StandardCopyOption.ATOMIC_MOVE);
        Await.until("48 Loire levels", Duration.ofSeconds(30), () -> store.count(LOIRE, Quantity.H), n -> n == 48);
        VigieDistribution.service(context, ForecastService.class).runCycle();

        JsonNode impacts = get("/api/gis/impact?station=" + LOIRE).get("impacts");
        assertEquals(impacts.toString(), 1, impacts.size());
        JsonNode impact = impacts.get(0);
        assertEquals(2.55, impact.get("expectedPeak").get("levelM").asDouble(), 1e-9);
        assertTrue(impact.toString(), impact.get("expectedPeak").get("basis").asText()
                .startsWith("forecast orleans-loire-H"));
        assertEquals("the next scenario up", "loire-3.0", impact.get("scenario").get("id").asText());
        assertEquals(6, impact.get("stakesReached").asInt());
        int counted = 0;
        for (JsonNode category : impact.get("byCategory")) {
            counted += category.get("count").asInt();
        }
        assertEquals(6, counted);

        JsonNode higher = get("/api/gis/impact?station=" + LOIRE + "&level=4.5").get("impacts").get(0);
        assertEquals("loire-5.5", higher.get("scenario").get("id").asText());
        assertEquals(14, higher.get("stakesReached").asInt());
        JsonNode beyond = get("/api/gis/impact?station=" + LOIRE + "&level=8").get("impacts").get(0);
        assertTrue(beyond.get("scenario").get("beyondHighest").asBoolean());

        // the situation layers are read again every few seconds
        Await.until("the impacted stakes in the OGC API", Duration.ofSeconds(20), () -> {
            try {
                return get("/ogc/collections/impacted-stakes/items").get("numberMatched").asInt();
            } catch (IOException e) {
                return -1;
            }
        }, n -> n == 6);
        assertEquals(3, get("/ogc/collections/stations/items").get("numberMatched").asInt());
        JsonNode station = find(get("/ogc/collections/stations/items").get("features"), LOIRE);
        assertEquals("orange", station.get("properties").get("colour").asText());
        assertEquals(2.55, station.get("properties").get("forecast_peak_m").asDouble(), 1e-9);

        assumeGdal();
        Path exports = Files.createDirectories(home.resolve("exports"));
        List<String> layers = List.of("stations", "catchments", "flood-extent", "impacted-stakes");
        // stations 3, catchments 3, the Loire's extent 1, stakes 6
        List<Integer> counts = List.of(3, 3, 1, 6);
        for (int crs : List.of(4326, 2154)) {
            for (String format : List.of("gpkg", "shp", "kml")) {
                Path file = download("/api/gis/export?format=" + format + "&crs=" + crs, "situation", exports);
                String info = ogrinfo(gdalName(file), "-ro", "-so", "-al");
                assertCrs(file, info, format.equals("kml") ? 4326 : crs);
                List<Integer> found = featureCounts(info);
                if (format.equals("shp")) {
                    // a shapefile holds one geometry type: mixed stakes come in one file per type
                    assertEquals(info, 13, found.stream().mapToInt(Integer::intValue).sum());
                } else {
                    assertEquals(file + ": " + info, counts, found);
                }
            }
            for (String format : List.of("geojson", "csv")) {
                for (int i = 0; i < layers.size(); i++) {
                    Path file = download("/api/gis/export?format=" + format + "&crs=" + crs + "&layers="
                            + layers.get(i), layers.get(i), exports);
                    String info = ogrinfo(gdalName(file), "-ro", "-so", "-al");
                    if (format.equals("geojson")) {
                        assertCrs(file, info, crs);
                    }
                    assertEquals(file + ": " + info, List.of(counts.get(i)), featureCounts(info));
                }
            }
        }
        String oapif = "OAPIF:" + base() + "/ogc";
        String collections = ogrinfo(oapif, "-ro", "-so");
        for (String layer : List.of("stations", "catchments", "flood-extent", "impacted-stakes", "orleans-stakes")) {
            assertTrue(collections, collections.contains(layer));
        }
        String stakes = ogrinfo(oapif, "-ro", "-so", "impacted-stakes");
        assertTrue(stakes, stakes.contains("Feature Count: 6"));
        String all = ogrinfo(oapif, "-ro", "-q", "-oo", "PAGE_SIZE=10", "orleans-stakes");
        assertEquals("32 stakes read page by page", 32, all.split("OGRFeature\\(", -1).length - 1);
    }

    @Test
    public void aLayerIsImportedThroughTheApiWithItsAreaAndRemoved() throws Exception {
        awaitDemoLayers();
        // a 2 km × 3 km rectangle in Lambert-93 written as GeoJSON with its crs
        String geojson = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"urn:ogc:def:crs:EPSG::2154\"}},\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"z1\","
                + "\"name\":\"zone\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[618000,6750000],"
                + "[620000,6750000],[620000,6753000],[618000,6753000],[618000,6750000]]]}}]}";
        JsonNode imported = send("POST", "/api/gis/layers/test-zone?kind=reference&idProperty=code&format=geojson",
                geojson, 200);
        assertEquals(1, imported.get("featureCount").asInt());
        JsonNode layer = get("/api/gis/layers/test-zone");
        JsonNode feature = layer.get("features").get(0);
        assertEquals("z1", feature.get("id").asText());
        assertEquals(6.0, feature.get("areaLambert93Km2").asDouble(), 1e-6);
        // Lambert-93 shrinks areas near Orléans by about 0.13 %: the true area is a little larger
        double geodesic = feature.get("areaKm2").asDouble();
        assertTrue("geodesic " + geodesic, geodesic > 6.0 && geodesic < 6.0 * 1.002);
        HttpURLConnection anonymous = (HttpURLConnection) new URL(base() + "/api/gis/layers/test-zone").openConnection();
        anonymous.setRequestMethod("DELETE");
        assertEquals("a write without credentials", 401, anonymous.getResponseCode());
        send("POST", "/api/gis/layers/test-zone?kind=nonsense", geojson, 400);
        send("POST", "/api/gis/layers/stations", geojson, 409);
        send("DELETE", "/api/gis/layers/test-zone", null, 200);
        send("GET", "/api/gis/layers/test-zone", null, 404);
        send("GET", "/api/gis/export?format=gpkg&layers=..%2Fetc", null, 404);
        send("GET", "/api/gis/export?format=gpkg&crs=3857", null, 400);
    }

    @Test
    public void aRainfallGridBecomesTheDhuysArealRainfall() throws Exception {
        awaitDemoLayers();
        Path home = Path.of(context.getProperty("vigie.home"));
        Path grids = Files.createDirectories(home.resolve("data/grids/dhuy"));
        Files.writeString(home.resolve("config/org.vigie.gis.areal-dhuy.config"), "station=\"dhuy-areal\"\n"
                + "method=\"grid\"\noutlineLayer=\"orleans-catchments\"\noutlineFeature=\"K437311001\"\n"
                + "gridFolder=\"" + grids.toString().replace("\\", "/") + "\"\n");
        // 100 km × 100 km of 1 km cells around the Dhuy: 4 mm in the western half, 0 in the eastern half, so the
        // areal value is 4 mm × the share of the outline west of x = 630 km
        StringBuilder grid = new StringBuilder("ncols 100\nnrows 100\nxllcorner 580000\nyllcorner 6700000\n"
                + "cellsize 1000\nNODATA_value -9999\n");
        for (int row = 0; row < 100; row++) {
            for (int col = 0; col < 100; col++) {
                grid.append(col < 50 ? "4 " : "0 ");
            }
            grid.append('\n');
        }
        Instant step = Instant.parse("2026-11-30T06:00:00Z");
        Path partial = grids.resolve("rain.part");
        Files.writeString(partial, grid);
        Files.move(partial, grids.resolve("rain_20261130T0600Z.asc"), StandardCopyOption.ATOMIC_MOVE);
        SeriesStore store = VigieDistribution.service(context, SeriesStore.class);
        Observation areal = Await.until("the Dhuy's areal rainfall", Duration.ofSeconds(60),
                () -> store.latest("dhuy-areal", Quantity.P).orElse(null), o -> o != null);
        assertEquals(step, areal.time());
        assertTrue("a share of 4 mm: " + areal.value(), areal.value() > 0 && areal.value() < 4);
        assertTrue(Files.exists(grids.resolve("done/rain_20261130T0600Z.asc")));
    }

    private void awaitDemoLayers() throws Exception {
        Await.until("the demo catchment's GIS layers", Duration.ofSeconds(60), () -> {
            try {
                JsonNode layers = get("/api/gis/layers").get("layers");
                int stored = 0;
                for (JsonNode layer : layers) {
                    stored += layer.get("name").asText().startsWith("orleans-") ? 1 : 0;
                }
                return stored;
            } catch (IOException | AssertionError e) {
                return -1;
            }
        }, n -> n == 5);
        assertEquals("[]", get("/api/gis/layers").get("importFailures").toString());
    }

    private static void assertCrs(Path file, String info, int srid) {
        assertTrue(file + " in EPSG:" + srid + ": " + info, info.contains(srid == 4326 ? "WGS 84" : "Lambert-93"));
    }

    /** @return the "Feature Count" of each layer in ogrinfo's order */
    private static List<Integer> featureCounts(String info) {
        List<Integer> counts = new ArrayList<>();
        for (String line : info.split("\n")) {
            if (line.startsWith("Feature Count: ")) {
                counts.add(Integer.parseInt(line.substring("Feature Count: ".length()).trim()));
            }
        }
        return counts;
    }

    private static String gdalName(Path file) {
        return file.toString().endsWith(".zip") ? "/vsizip/" + file : file.toString();
    }

    private static void assumeGdal() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= Files.isExecutable(Path.of(dir, "ogrinfo"));
        }
        Assume.assumeTrue("GDAL ogrinfo not found: apt-get install gdal-bin (the GDAL checks are skipped)", found);
    }

    private static String ogrinfo(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ogrinfo"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("ogrinfo timed out", process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(String.join(" ", command) + "\n" + output, 0, process.exitValue());
        return output;
    }

    private Path download(String path, String what, Path folder) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(base() + path).openConnection();
        assertEquals(path, 200, http.getResponseCode());
        String disposition = http.getHeaderField("Content-Disposition");
        String name = disposition.replaceAll(".*filename=\"([^\"]+)\".*", "$1");
        assertTrue(disposition, name.matches("vigie-" + what + "-\\d{8}T\\d{4}Z-epsg\\d+\\.[a-z.]+"));
        Path file = folder.resolve(name);
        try (InputStream in = http.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static JsonNode find(JsonNode features, String id) {
        for (JsonNode feature : features) {
            if (feature.get("id").asText().equals(id)) {
                return feature;
            }
        }
        throw new AssertionError("no feature " + id + " in " + features);
    }

    private JsonNode get(String path) throws IOException {
        return send("GET", path, null, 200);
    }

    private JsonNode send(String method, String path, String body, int expectedStatus) throws IOException {
        HttpURLConnection http = (HttpURLConnection) new URL(base() + path).openConnection();
        http.setRequestMethod(method);
        VigieDistribution.authorize(http);
        if (body != null) {
            http.setDoOutput(true);
            try (OutputStream out = http.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = http.getResponseCode();
        try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(method + " " + path + " -> " + text, expectedStatus, status);
            return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
        }
    }
}

package org.vigie.gis.internal.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigie.gis.internal.Reprojection;

/**
 * GDAL's OAPIF driver (as in QGIS and ogr2ogr) reads the layers over real HTTP. GDAL 3.6 asks for /collections, then
 * {@code items?limit=<PAGE_SIZE, default 10>} and follows the next links; it reads the landing page and /api only
 * when it looks for server-side filters.
 */
class OgcFeaturesGdalTest {
    private static final Pattern FEATURE_LINE = Pattern.compile("^OGRFeature\\((\\w+)\\):\\d+$", Pattern.MULTILINE);
    private static final Pattern ID_LINE = Pattern.compile("^\\s+id \\(String\\) = (\\S+)$", Pattern.MULTILINE);

    private static String ogrinfo;
    private static OgcHttpServer server;

    @BeforeAll
    static void start() throws IOException {
        ogrinfo = findOnPath("ogrinfo");
        assumeTrue(ogrinfo != null, "GDAL ogrinfo not found: apt-get install gdal-bin");
        server = new OgcHttpServer(new OgcFeatures(new InMemoryLayerSource(), "Vigie test"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void ogrinfoListsTheLayersWithTheirGeometryTypes() {
        String out = ogrinfo("-ro", "-so", "OAPIF:" + server.url());
        assertTrue(out.contains("1: stations (title: Gauging stations) (Point)"), out);
        assertTrue(out.contains("2: zones (title: Flood zones) (Polygon)"), out);
        assertTrue(out.contains("3: rivers (title: Rivers) (Line String)"), out);
    }

    @Test
    void theSummaryGivesTheCountTheGeometryTypeAndWgs84() {
        String stations = ogrinfo("-ro", "-so", "-al", "OAPIF:" + server.url(), "stations");
        assertTrue(stations.contains("Feature Count: 250"), stations);
        assertTrue(stations.contains("Geometry: Point"), stations);
        assertTrue(stations.contains("GEOGCRS[\"WGS 84\""), stations);
        assertTrue(stations.contains("Data axis to CRS axis mapping: 2,1"), "longitude first (CRS84): " + stations);
        assertTrue(stations.contains("rank: Integer"), stations);
        Matcher extent = Pattern.compile("Extent: \\((\\S+), (\\S+)\\) - \\((\\S+), (\\S+)\\)").matcher(stations);
        assertTrue(extent.find(), stations);
        assertEquals(1.82, Double.parseDouble(extent.group(1)), 0.01, "the CRS84 extent of the collection");
        assertEquals(47.86, Double.parseDouble(extent.group(2)), 0.01);

        String zones = ogrinfo("-ro", "-so", "-al", "OAPIF:" + server.url(), "zones");
        assertTrue(zones.contains("Feature Count: 3") && zones.contains("Geometry: Polygon"), zones);
    }

    @Test
    void everyFeatureIsReadPageByPage() {
        int before = server.requests().size();
        String out = ogrinfo("-ro", "-al", "-q", "-oo", "PAGE_SIZE=40", "OAPIF:" + server.url(), "stations");
        assertEquals(250, count(FEATURE_LINE, out));
        assertEquals(250, ids(out).stream().distinct().count());
        List<String> pages = server.requests().subList(before, server.requests().size()).stream()
                .filter(request -> request.contains("/items?limit=40")).toList();
        assertTrue(pages.size() >= 7, "7 pages of 40: " + pages);
        assertTrue(pages.stream().anyMatch(request -> request.contains("offset=240")), pages.toString());
    }

    @Test
    void aSpatialFilterIsSentAsBboxAndOnlyThoseFeaturesComeBack() {
        // half-way between grid lines: columns 5 to 14, rows 3 to 6, i.e. 40 stations
        double[] southWest = gridToLonLat(4.5, 2.5);
        double[] northEast = gridToLonLat(14.5, 6.5);
        int before = server.requests().size();
        String out = ogrinfo("-ro", "-al", "-q", "-spat", Double.toString(southWest[0]), Double.toString(southWest[1]),
                Double.toString(northEast[0]), Double.toString(northEast[1]), "OAPIF:" + server.url(), "stations");
        List<String> expected = new ArrayList<>();
        for (int row = 3; row <= 6; row++) {
            for (int column = 5; column <= 14; column++) {
                expected.add(InMemoryLayerSource.stationId(row * InMemoryLayerSource.COLUMNS + column + 1));
            }
        }
        assertEquals(expected, ids(out));
        assertTrue(server.requests().subList(before, server.requests().size()).stream()
                .anyMatch(request -> request.contains("&bbox=")), "filtered by the server, not only by GDAL");
    }

    private static String ogrinfo(String... arguments) {
        List<String> command = new ArrayList<>(List.of(ogrinfo));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        List.of("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")
                .forEach(environment::remove);
        environment.put("GDAL_HTTP_TIMEOUT", "30");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // drained while GDAL runs, so a long listing cannot block it
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ogrinfo finished");
            assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + out + "\nserved:\n"
                    + String.join("\n", server.requests()));
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return longitude, latitude of a position on the stations' grid, in columns and rows */
    private static double[] gridToLonLat(double column, double row) {
        return Reprojection.instance().transform(InMemoryLayerSource.X0 + column * InMemoryLayerSource.SPACING,
                InMemoryLayerSource.Y0 + row * InMemoryLayerSource.SPACING, Reprojection.LAMBERT93, Reprojection.WGS84);
    }

    private static List<String> ids(String out) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = ID_LINE.matcher(out);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static int count(Pattern pattern, String out) {
        return (int) pattern.matcher(out).results().count();
    }

    private static String findOnPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(directory, program);
            if (candidate.isFile() && candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}

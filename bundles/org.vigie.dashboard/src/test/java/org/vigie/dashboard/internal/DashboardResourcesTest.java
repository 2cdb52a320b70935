package org.vigie.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DashboardResourcesTest {

    private final DashboardResources resources = new DashboardResources(
            name -> DashboardResourcesTest.class.getClassLoader().getResource(name));

    @Test
    void servesThePageItsModulesAndTheLibrariesPackedFromTheWebjars() {
        assertEquals("text/html; charset=utf-8", resources.find("").orElseThrow().mediaType());
        assertEquals("text/javascript; charset=utf-8", resources.find("app.js").orElseThrow().mediaType());
        assertTrue(resources.find("lib/leaflet/leaflet.js").isPresent());
        assertEquals("text/css; charset=utf-8", resources.find("lib/leaflet/leaflet.css").orElseThrow().mediaType());
        assertEquals("image/png", resources.find("lib/leaflet/images/layers.png").orElseThrow().mediaType());
        assertTrue(resources.find("lib/uplot/uPlot.iife.min.js").isPresent());
        // the libraries' licences ship with them, as text
        assertEquals("text/plain; charset=utf-8", resources.find("lib/leaflet/LICENSE").orElseThrow().mediaType());
        assertTrue(resources.find("lib/uplot/LICENSE").isPresent());
    }

    @Test
    void refusesPathsLeavingTheDashboardFolder() {
        assertFalse(resources.find("../META-INF/MANIFEST.MF").isPresent());
        assertFalse(resources.find("lib/../../org/vigie/dashboard/internal/DashboardServlet.class").isPresent());
        assertFalse(resources.find("/etc/passwd").isPresent());
        assertFalse(resources.find(".hidden").isPresent());
        assertFalse(resources.find("lib\\leaflet\\leaflet.js").isPresent());
        assertFalse(resources.find("missing.js").isPresent());
    }

    @Test
    void everyFileThePageNamesIsPacked() throws Exception {
        URL index = resources.find("").orElseThrow().url();
        String html;
        try (var in = index.openStream()) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var names = java.util.regex.Pattern.compile("(?:href|src)=\"([^\"#:]+)\"").matcher(html);
        int found = 0;
        while (names.find()) {
            found++;
            assertTrue(resources.find(names.group(1)).isPresent(), names.group(1));
        }
        assertTrue(found >= 6, "the page names its scripts and style sheets");
        assertFalse(html.contains("http://") || html.contains("https://"), "no absolute URL: nothing from the internet");
    }

    @Test
    void settingsAreServedAsJsonWithTheirDefaults() throws Exception {
        String json = new String(DashboardServlet.settings(config("", "", 30, new String[0])), StandardCharsets.UTF_8);
        assertEquals("{\"tileUrl\":\"\",\"tileAttribution\":\"\",\"refreshSeconds\":30,\"backgroundLayers\":[]}", json);
        String custom = new String(DashboardServlet.settings(config("https://tile.example.org/{z}/{x}/{y}.png",
                "© « OSM »", 1, new String[] {" communes ", ""})), StandardCharsets.UTF_8);
        assertEquals("{\"tileUrl\":\"https://tile.example.org/{z}/{x}/{y}.png\",\"tileAttribution\":\"© « OSM »\","
                + "\"refreshSeconds\":5,\"backgroundLayers\":[\"communes\"]}", custom);
    }

    @Test
    void onlyTheConfiguredTileServerIsAllowedBesidesThisOne() {
        assertTrue(DashboardServlet.contentSecurityPolicy("").startsWith("default-src 'self'; img-src 'self' data: blob:;"));
        assertTrue(DashboardServlet.contentSecurityPolicy("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")
                .contains("img-src 'self' data: blob: https://*.tile.openstreetmap.org;"));
        assertTrue(DashboardServlet.contentSecurityPolicy("http://tiles.local:8081/{z}/{x}/{y}.png")
                .contains("blob: http://tiles.local:8081;"));
    }

    private static DashboardConfig config(String tileUrl, String attribution, int refresh, String[] layers) {
        return new DashboardConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DashboardConfig.class;
            }

            @Override
            public String tileUrl() {
                return tileUrl;
            }

            @Override
            public String tileAttribution() {
                return attribution;
            }

            @Override
            public int refreshSeconds() {
                return refresh;
            }

            @Override
            public String[] backgroundLayers() {
                return layers;
            }
        };
    }
}

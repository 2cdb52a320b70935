package org.vigie.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium, against Vigie run from the assembled distribution with its demo
 * event. The tests share one Vigie and one browser and run in order: the last ones change the situation
 * (an acknowledgement, then a flood of the Loiret).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    private static final String USER = "duty";
    private static final String PASSWORD = "Loire-astreinte-2026";
    private static final String LOIRE = "K435001010";
    private static final String DHUY = "K437311001";
    private static final String LOIRET = "K439000101";
    /** The dashboard's vigilance colours (docs/dashboard.md), as the map and the legend draw them. */
    private static final Map<String, String> COLOURS = Map.of("GREEN", "#2e9d4a", "YELLOW", "#f2d024",
            "ORANGE", "#f28a1c", "RED", "#d7191c");

    private static RunningVigie vigie;
    private static ChromeDriver browser;
    private static Path screenshots;
    private static Path downloads;

    @BeforeAll
    static void startVigieAndChromium() throws Exception {
        Chromium.assumeInstalled();
        screenshots = Path.of(System.getProperty("vigie.uitest.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        vigie = RunningVigie.start("dashboard", USER, PASSWORD);
        // a background layer (kind REFERENCE), drawn under everything by default: a rough test outline
        HttpResponse<String> layer = vigie.post("/api/gis/layers/communes?kind=reference&idProperty=code",
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                        + "{\"code\":\"45234\",\"name\":\"Orléans (contour grossier de test)\"},\"geometry\":"
                        + "{\"type\":\"Polygon\",\"coordinates\":[[[1.87,47.875],[1.945,47.875],[1.945,47.92],"
                        + "[1.87,47.92],[1.87,47.875]]]}}]}");
        if (layer.statusCode() >= 300) {
            throw new AssertionError("background layer refused: " + layer.statusCode() + " " + layer.body());
        }
        downloads = vigie.home().resolve("downloads");
        browser = Chromium.open(downloads);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (vigie != null) {
                vigie.close();
            }
        }
    }

    /** Whatever a test did, the page itself never reported a failure. */
    @AfterEach
    void thePageShowsNoError() {
        if (browser != null && browser.getCurrentUrl().startsWith(vigie.url("/dashboard/"))) {
            assertNull(js("const b = document.getElementById('page-error'); return b.hidden ? null : b.textContent;"),
                    "the page's error banner is shown");
        }
    }

    @Test
    @Order(1)
    void loadsInUnderTwoSecondsWithEverythingFromThisServer() throws Exception {
        browser.get(vigie.url("/dashboard/"));
        awaitReady();
        await("the load event", Duration.ofSeconds(10),
                () -> number("return performance.getEntriesByType('navigation')[0].loadEventEnd") > 0);
        double load = number("const n = performance.getEntriesByType('navigation')[0];"
                + " return n.loadEventEnd - n.startTime;");
        double ready = number("return window.vigie.readyAt;");
        System.out.printf("dashboard: load event after %.0f ms, map, stations and alerts shown after %.0f ms%n",
                load, ready);
        Files.writeString(screenshots.resolve("timing.txt"), String.format(
                "loadEventEnd - navigationStart: %.0f ms%nstations, map layers and alerts shown: %.0f ms%n", load, ready));
        assertTrue(load < 2000, "navigation to load event took " + load + " ms");
        assertTrue(ready < 2000, "the page showed its data after " + ready + " ms");

        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name);");
        assertTrue(resources.stream().anyMatch(r -> r.endsWith("/dashboard/lib/leaflet/leaflet.js")), resources::toString);
        assertTrue(resources.stream().anyMatch(r -> r.endsWith("/dashboard/lib/uplot/uPlot.iife.min.js")),
                resources::toString);
        List<String> foreign = resources.stream().filter(r -> !r.startsWith(vigie.origin() + "/")).toList();
        assertEquals(List.of(), foreign, "resources from another origin: the page would need the internet");
        assertNoScriptErrors();

        // the server's root leads to the dashboard, without taking any other path
        HttpResponse<Void> root = vigie.head("/");
        assertEquals(302, root.statusCode());
        assertEquals("/dashboard/", root.headers().firstValue("Location").orElse("").replace(vigie.origin(), ""));
        assertEquals(404, vigie.head("/no-such-page").statusCode());
        assertEquals(200, vigie.head("/api/registry").statusCode());
    }

    @Test
    @Order(2)
    void theMapShowsEveryStationInTheColourOfItsLevel() throws Exception {
        openDashboard("carte");
        JsonNode levels = vigie.get("/api/alerts").get("levels");
        JsonNode stations = vigie.get("/api/stations");
        List<String> codes = new ArrayList<>();
        stations.forEach(s -> codes.add(s.get("station").get("code").asText()));
        assertTrue(codes.containsAll(List.of(LOIRE, DHUY, LOIRET)), codes::toString);
        for (JsonNode s : stations) {
            String code = s.get("station").get("code").asText();
            String level = levels.has(code) ? levels.get(code).asText() : "GREEN";
            assertEquals(level, s.get("vigilance").asText(), "/api/stations and /api/alerts disagree for " + code);
            WebElement marker = marker(code);
            assertTrue(classes(marker).contains("level-" + level), code + " should be " + level + ": " + classes(marker));
            assertEquals(COLOURS.get(level), marker.getDomAttribute("fill"), "fill colour of " + code);
        }
        // the demo's situation: the Loire orange, the Dhuy yellow, the Loiret back to green
        assertTrue(classes(marker(LOIRE)).contains("level-ORANGE"));
        assertTrue(classes(marker(DHUY)).contains("level-YELLOW"));
        assertTrue(classes(marker(LOIRET)).contains("level-GREEN"));
        // catchments, rivers and the forecast flood extent are drawn; the legend names the colours in French
        await("catchments and flood extent", Duration.ofSeconds(10), () -> number(
                "return document.querySelectorAll('.leaflet-catchments-pane path, .leaflet-extent-pane path').length") >= 5);
        assertTrue(number("return document.querySelectorAll('.leaflet-rivers-pane path').length") >= 3);
        assertEquals(1L, (long) number("return document.querySelectorAll('.leaflet-background-pane path').length"),
                "the REFERENCE layer is drawn as background");
        assertTrue(browser.findElement(By.id("legend-background")).isDisplayed());
        String legend = browser.findElement(By.id("legend")).getText();
        for (String name : List.of("vert", "jaune", "orange", "rouge")) {
            assertTrue(legend.contains(name), legend);
        }
        assertFalse(browser.findElement(By.id("last-update")).getText().contains("—"));
        screenshot("1-carte");
    }

    @Test
    @Order(3)
    void theDhuysHydrographShowsItsForecastBandAndThresholds() throws Exception {
        openDashboard("carte");
        marker(DHUY).click();
        WebElement panel = browser.findElement(By.id("station-panel"));
        await("the Dhuy's hydrograph", Duration.ofSeconds(15),
                () -> panel.isDisplayed() && (DHUY + "/H/72").equals(panel.getDomAttribute("data-loaded")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) js("const c = window.vigie.panel.chart;"
                + " return c.series.slice(1).map((s, i) => ({label: s.label,"
                + " values: c.data[i + 1].filter(v => v != null).length}));");
        Map<String, Long> values = new LinkedHashMap<>();
        series.forEach(s -> values.put((String) s.get("label"), ((Number) s.get("values")).longValue()));
        assertTrue(values.getOrDefault("Observé", 0L) > 0, values::toString);
        assertTrue(values.getOrDefault("Prévision (médiane)", 0L) > 0, values::toString);
        assertTrue(values.getOrDefault("Bande 10–90 % (10 %)", 0L) > 0, values::toString);
        assertTrue(values.getOrDefault("Bande 10–90 % (90 %)", 0L) > 0, values::toString);
        assertEquals(1L, number("return window.vigie.panel.chart.bands.length;"), "the 10–90 % band is filled");
        List<String> thresholds = values.keySet().stream().filter(l -> l.startsWith("Seuil ")).toList();
        assertEquals(List.of("Seuil jaune 1,00 m", "Seuil orange 1,50 m", "Seuil rouge 2,00 m"), thresholds);
        String legend = text("#chart .u-legend"); // the chart is drawn again with every live refresh
        for (String label : List.of("Observé", "Prévision (médiane)", "Bande 10–90 %", "Seuil jaune", "Seuil orange",
                "Seuil rouge")) {
            assertTrue(legend.contains(label), "legend: " + legend);
        }
        assertTrue(browser.findElement(By.id("chart-note")).getText().contains("émise le"));
        screenshot("2-station-dhuy");

        // exports: the plot as PNG, the data (observed, median, band) as CSV
        browser.findElement(By.id("export-csv")).click();
        browser.findElement(By.id("export-png")).click();
        Path csv = awaitDownload(".csv");
        Path png = awaitDownload(".png");
        assertTrue(csv.getFileName().toString().startsWith("vigie-" + DHUY + "-H-"), csv.toString());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("time,heure_paris,observe,prevision_mediane,q10,q90", lines.get(0), "no comment line first");
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.split(",", -1)[4].matches("\\d+\\.\\d+")),
                "some rows carry q10: " + lines.subList(0, Math.min(5, lines.size())));
        byte[] header = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertEquals(0x89, header[0] & 0xff, "a PNG file");
        assertEquals("PNG", new String(header, 1, 3, StandardCharsets.US_ASCII));

        // the discharge over 7 days: observed Q and the GR4H forecast with its band, no thresholds for Q here
        browser.findElement(By.cssSelector("#quantity-choice input[value='Q']")).click();
        browser.findElement(By.cssSelector("#period-choice input[value='168']")).click();
        await("the Dhuy's discharge over 7 days", Duration.ofSeconds(15),
                () -> (DHUY + "/Q/168").equals(panel.getDomAttribute("data-loaded")));
        assertTrue(text("#chart .u-legend").contains("Bande 10–90 %"));
        assertTrue(browser.findElement(By.id("chart-note")).getText().contains("grp-gr4h"));
        screenshot("2b-station-dhuy-debit");
        browser.findElement(By.cssSelector("#quantity-choice input[value='H']")).click();
        browser.findElement(By.cssSelector("#period-choice input[value='72']")).click();
        await("the Dhuy's level again", Duration.ofSeconds(15),
                () -> (DHUY + "/H/72").equals(panel.getDomAttribute("data-loaded")));
    }

    @Test
    @Order(4)
    void diagnosticsShowTheReportAndThePlot() throws Exception {
        openDashboard("diagnostics");
        WebElement plot = browser.findElement(By.id("diag-plot"));
        await("the diagnostics plot", Duration.ofSeconds(20), () -> number(
                "const i = document.getElementById('diag-plot'); return i.complete ? i.naturalWidth : 0;") > 0);
        assertTrue(plot.getDomAttribute("src").contains("format=png"));
        await("the diagnostics report", Duration.ofSeconds(20), () -> {
            Object title = js("const d = document.getElementById('diag-report').contentDocument;"
                    + " return d && d.querySelector('h1') ? d.querySelector('h1').textContent : null;");
            return title != null && title.toString().startsWith("Diagnostic ");
        });
        screenshot("4-diagnostics");
    }

    @Test
    @Order(5)
    void thePlatformListsThePlugInsAndTheLongJobs() throws Exception {
        // a hindcast the demo's three days cannot feed: a job that ends at once, with its reason
        HttpResponse<String> started = vigie.post("/api/forecast-points/sandillon-dhuy-Q/hindcast?"
                + "calibrateFrom=" + hoursAgo(70) + "&calibrateTo=" + hoursAgo(40) + "&from=" + hoursAgo(40)
                + "&to=" + hoursAgo(1));
        assertTrue(started.statusCode() < 300, "hindcast: " + started.statusCode() + " " + started.body());
        String job = new ObjectMapper().readTree(started.body()).get("id").asText();
        openDashboard("plateforme");
        await("the plug-ins and the job", Duration.ofSeconds(15), () -> browser.findElements(By.cssSelector(
                "#plugins tbody tr")).size() >= 10 && !browser.findElements(By.cssSelector(
                "#jobs tr[data-job='" + job + "']")).isEmpty());
        String plugins = text("#plugins");
        assertTrue(plugins.contains("csv:" + LOIRE) && plugins.contains("grp-gr4h") && plugins.contains("log"), plugins);
        assertTrue(plugins.matches("(?s).*0\\.1\\.0\\.\\d{14}.*"), "bundle versions shown: " + plugins);
        assertTrue(plugins.contains("en service"), plugins);
        // the job as the API tells it: failed (too little data), its progress as far as it went, not 100 %
        JsonNode hindcast = null;
        for (JsonNode j : vigie.get("/api/hindcasts")) {
            if (j.get("id").asText().equals(job)) {
                hindcast = j;
            }
        }
        assertNotNull(hindcast, "no job " + job + " in /api/hindcasts");
        assertEquals("FAILED", hindcast.get("status").asText(), hindcast::toString);
        String percent = Math.round(hindcast.get("percentDone").asDouble()) + " %";
        String row = text("#jobs tr[data-job='" + job + "']");
        assertTrue(row.contains("échec") && row.contains(percent) && row.contains(hindcast.get("message").asText()),
                "the job's row: " + row + " / " + hindcast);
        assertEquals(hindcast.get("percentDone").asDouble(), number("return document.querySelector(\"#jobs tr[data-job='"
                + job + "'] progress\").value;"), 0.001);
        screenshot("5-plateforme");
    }

    @Test
    @Order(6)
    void aLoggedInDutyOfficerAcknowledgesAnAlert() throws Exception {
        assertNull(vigie.userProblem(), "the duty officer's account could not be configured");
        openDashboard("alertes");
        // a wrong password is refused, clearly, by the page itself
        login(USER, "not-the-password");
        WebElement error = browser.findElement(By.id("login-error"));
        await("the refusal", Duration.ofSeconds(10), error::isDisplayed);
        assertTrue(error.getText().contains("401"), error.getText());

        login(USER, PASSWORD);
        await("the login", Duration.ofSeconds(10),
                () -> browser.findElement(By.id("login-state")).isDisplayed() || error.isDisplayed());
        assertTrue(browser.findElement(By.id("login-state")).isDisplayed(), "login failed: " + error.getText());
        assertEquals(USER, browser.findElement(By.id("login-name")).getText());

        String alert = openAcknowledgement(LOIRE);
        browser.findElement(By.id("ack-note")).sendKeys("Pontons démontés, équipe prévenue");
        browser.findElement(By.id("ack-confirm")).click();
        WebElement ackError = browser.findElement(By.id("ack-error"));
        await("the acknowledgement on the page", Duration.ofSeconds(15), () -> ackError.isDisplayed()
                || text("#current-alerts tr[data-station='" + LOIRE + "']").contains("acquittée par " + USER));
        assertFalse(ackError.isDisplayed(), "acknowledgement refused: " + ackError.getText());
        assertTrue(text("#alert-history tr[data-alert='" + alert + "'] .ack-state").contains("acquittée par " + USER));

        JsonNode acknowledged = null;
        for (JsonNode item : vigie.get("/api/alerts").get("events")) {
            if (item.get("event").get("id").asText().equals(alert)) {
                acknowledged = item.get("acknowledgement");
            }
        }
        assertNotNull(acknowledged, "no acknowledgement of " + alert + " in /api/alerts");
        assertEquals(USER, acknowledged.get("by").asText());
        assertEquals("Pontons démontés, équipe prévenue", acknowledged.get("note").asText());
        screenshot("3-alertes");

        // Esc closes the dialog without acknowledging, even after a confirmed acknowledgement
        String dhuy = openAcknowledgement(DHUY);
        browser.findElement(By.id("ack-note")).sendKeys(Keys.ESCAPE);
        await("the dialog closed by Esc", Duration.ofSeconds(5),
                () -> !browser.findElement(By.id("ack-dialog")).isDisplayed());
        Thread.sleep(1500); // time for a request the page should not send
        for (JsonNode item : vigie.get("/api/alerts").get("events")) {
            if (item.get("event").get("id").asText().equals(dhuy)) {
                assertTrue(item.get("acknowledgement") == null || item.get("acknowledgement").isNull(),
                        "Esc acknowledged the Dhuy's alert: " + item.get("acknowledgement"));
            }
        }
        assertTrue(text("#current-alerts tr[data-station='" + DHUY + "']").contains("Acquitter"));
    }

    @Test
    @Order(7)
    void anObservationAboveTheRedThresholdTurnsTheLoiretRedWithoutReloading() throws Exception {
        openDashboard("carte");
        js("window.notReloaded = true;");
        assertTrue(classes(marker(LOIRET)).contains("level-GREEN"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        vigie.dropIntoInbox(LOIRET + "_extra.csv", "time,H\n" + now + ",2.35\n");
        Instant dropped = Instant.now();
        try {
            await("the Loiret's marker turning red", Duration.ofSeconds(20),
                    () -> classes(marker(LOIRET)).contains("level-RED"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (live mode: " + js("return document.body.dataset.live;")
                    + "; /api/alerts levels: " + vigie.get("/api/alerts").get("levels") + ")", e);
        }
        System.out.printf("dashboard: the Loiret turned red %d ms after the file was dropped (live mode: %s)%n",
                Duration.between(dropped, Instant.now()).toMillis(), js("return document.body.dataset.live;"));
        // the new alert reaches the alerts view through its own event
        await("the Loiret's red alert in the alerts view", Duration.ofSeconds(10), () -> "RED".equals(js(
                "return document.querySelector(\"#current-alerts tr[data-station='" + LOIRET + "']\").dataset.level;")));
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true;"), "the page was reloaded");
        assertEquals(COLOURS.get("RED"), marker(LOIRET).getDomAttribute("fill"));
        screenshot("6-carte-loiret-rouge");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static void openDashboard(String view) {
        if (!browser.getCurrentUrl().startsWith(vigie.url("/dashboard/"))) {
            browser.get(vigie.url("/dashboard/#" + view));
            awaitReady();
        } else {
            browser.findElement(By.id("tab-" + view)).click();
        }
        await("the view " + view, Duration.ofSeconds(10),
                () -> browser.findElement(By.id("view-" + view)).isDisplayed());
    }

    private static void awaitReady() {
        await("the dashboard", Duration.ofSeconds(20), () -> "true".equals(js("return document.body.dataset.ready;")));
    }

    /** Opens the acknowledgement dialog of a station's current alert; @return the alert's id */
    private static String openAcknowledgement(String station) {
        String alert = String.valueOf(js("return document.querySelector(arguments[0]).dataset.alert;",
                "#current-alerts tr[data-station='" + station + "'] button.ack"));
        // the table may be rebuilt between finding the button and clicking it: the wait then finds it again
        await("the acknowledgement dialog", Duration.ofSeconds(10), () -> {
            browser.findElement(By.id("ack-" + alert)).click();
            return browser.findElement(By.id("ack-dialog")).isDisplayed();
        });
        return alert;
    }

    private static void login(String user, String password) {
        WebElement name = browser.findElement(By.id("login-user"));
        WebElement secret = browser.findElement(By.id("login-password"));
        name.clear();
        name.sendKeys(user);
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    private static WebElement marker(String code) {
        return browser.findElement(By.cssSelector("path.vigie-station.station-" + code));
    }

    private static String classes(WebElement element) {
        return element.getDomAttribute("class");
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /**
     * The text of the first element matching a CSS selector, read in one script: tables the page rebuilds may
     * replace an element between finding it and reading it.
     */
    private static String text(String selector) {
        Object text = js("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", selector);
        return String.valueOf(text);
    }

    private static double number(String script) {
        Object value = js(script);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        try {
            // an element the page just replaced is no answer yet: look again
            new WebDriverWait(browser, timeout, Duration.ofMillis(200)).ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s", e);
        }
    }

    private static void screenshot(String name) throws IOException {
        Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path awaitDownload(String extension) throws Exception {
        Instant end = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(end)) {
            try (Stream<Path> files = Files.list(downloads)) {
                var found = files.filter(f -> f.getFileName().toString().endsWith(extension)).findFirst();
                if (found.isPresent() && Files.size(found.get()) > 0) {
                    return found.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + extension + " file downloaded into " + downloads);
    }

    private static void assertNoScriptErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Uncaught") || m.contains("Content Security Policy")
                        || m.contains("Failed to load module"))
                .toList();
        assertEquals(List.of(), errors, "script errors in the browser console");
    }

    private static String hoursAgo(int hours) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(hours, ChronoUnit.HOURS).toString();
    }
}

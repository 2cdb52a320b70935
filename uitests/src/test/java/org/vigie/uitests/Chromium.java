package org.vigie.uitests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}), headless, kept off the
 * network: both are named explicitly, so Selenium never looks for (or downloads) a browser or a driver.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("vigie.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("vigie.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** Skips the calling test class, saying what to install, when the browser or its driver is absent. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "browser tests skipped: they need Chromium at " + BROWSER + " and ChromeDriver at " + DRIVER
                        + " (apt-get install chromium chromium-driver; .ci/run does it)");
    }

    static ChromeDriver open(Path downloads) throws Exception {
        Files.createDirectories(downloads);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900",
                "--disable-dev-shm-usage", "--lang=fr-FR",
                // nothing but the page's own requests: no updates, sync, translation or metrics traffic
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--no-first-run", "--no-default-browser-check",
                "--disable-features=Translate,OptimizationHints,MediaRouter");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}

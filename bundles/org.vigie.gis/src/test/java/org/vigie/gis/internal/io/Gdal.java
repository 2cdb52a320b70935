package org.vigie.gis.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs GDAL's command-line tools, the reference reader of GIS files, and reads what ogrinfo says about layers. */
final class Gdal {
    private static Boolean available;

    /** What {@code ogrinfo -so} says about one layer. */
    record Layer(String name, String geometry, int featureCount, String srs) {
        boolean isLambert93() {
            return srs.contains("Lambert-93") || srs.contains("ID[\"EPSG\",2154]");
        }

        boolean isWgs84() {
            return srs.contains("GEOGCRS[\"WGS 84\"") && !srs.contains("Lambert");
        }
    }

    private Gdal() {
    }

    /** Skips the calling test, saying how to install GDAL, when ogrinfo is missing. */
    static void assumeInstalled() {
        if (available == null) {
            try {
                available = run("ogrinfo", "--version").startsWith("GDAL");
            } catch (IOException | AssertionError e) {
                available = false;
            }
        }
        assumeTrue(available, "GDAL ogrinfo not found: apt-get install gdal-bin");
    }

    /** @return stdout and stderr of a command that must exit 0 */
    static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " timed out");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + text);
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** @return the layers of a dataset, by name, as {@code ogrinfo -ro -al -so} describes them */
    static Map<String, Layer> layers(String dataset) throws IOException {
        Map<String, Layer> layers = new LinkedHashMap<>();
        String[] blocks = run("ogrinfo", "-ro", "-al", "-so", dataset).split("\nLayer name: ");
        for (int i = 1; i < blocks.length; i++) {
            String block = blocks[i];
            String name = block.substring(0, block.indexOf('\n')).trim();
            String geometry = value(block, "Geometry: ");
            int count = Integer.parseInt(value(block, "Feature Count: "));
            int srs = block.indexOf("Layer SRS WKT:");
            layers.put(name, new Layer(name, geometry, count, srs < 0 ? "" : block.substring(srs)));
        }
        return layers;
    }

    /** @return the single layer of a dataset */
    static Layer layer(String dataset) throws IOException {
        Map<String, Layer> layers = layers(dataset);
        assertEquals(1, layers.size(), () -> "layers of " + dataset + ": " + layers.keySet());
        return layers.values().iterator().next();
    }

    /** @return the rows of an ogrinfo SQL query as column → value maps (values as printed by ogrinfo) */
    static List<Map<String, String>> query(String dataset, String dialect, String sql) throws IOException {
        List<String> command = new ArrayList<>(List.of("ogrinfo", "-ro", "-q"));
        if (dialect != null) {
            command.addAll(List.of("-dialect", dialect));
        }
        command.addAll(List.of("-sql", sql, dataset));
        String output = run(command.toArray(String[]::new));
        if (output.contains("ERROR 1:")) { // ogrinfo exits 0 when the SQL fails
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String block : output.split("OGRFeature\\(")) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String line : block.split("\n")) {
                int type = line.indexOf(" (");
                int equals = line.indexOf(") = ");
                if (line.startsWith("  ") && type > 0 && equals > type) {
                    row.put(line.substring(0, type).trim(), line.substring(equals + 4).trim());
                }
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static String value(String block, String label) {
        int at = block.indexOf(label);
        return at < 0 ? "" : block.substring(at + label.length(), block.indexOf('\n', at)).trim();
    }
}

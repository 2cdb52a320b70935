package org.vigie.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/vigie export}: downloads the GIS overlays of a running Vigie (its {@code /api/gis/export}) into a
 * folder, one file per format. The file name comes from the server but is reduced to safe characters and must land
 * inside the folder, so a hostile or broken server cannot write elsewhere.
 */
final class ExportCommand {
    static final List<String> FORMATS = List.of("geojson", "gpkg", "shp", "kml", "csv");
    private static final Set<String> OPTIONS = Set.of("url", "format", "crs", "layers", "out");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"?([^\";]+)\"?");

    private ExportCommand() {
    }

    static void run(List<String> args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        CommandLine line = CommandLine.parse(args, OPTIONS, Set.of("format"));
        String url = line.value("url").orElse("http://127.0.0.1:" + System.getenv().getOrDefault("VIGIE_PORT",
                "8080")).replaceAll("/+$", "");
        List<String> formats = line.all("format").isEmpty() || line.all("format").contains("all") ? FORMATS
                : line.all("format");
        for (String format : formats) {
            if (!FORMATS.contains(format)) {
                throw new CommandLine.UsageException("--format " + format + ": use " + String.join(", ", FORMATS)
                        + " or all");
            }
        }
        String crs = line.value("crs").orElse("4326");
        Path folder = Path.of(line.required("out")).toAbsolutePath().normalize();
        Files.createDirectories(folder);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (String format : formats) {
            StringBuilder query = new StringBuilder("format=").append(format).append("&crs=").append(encode(crs));
            line.value("layers").ifPresent(layers -> query.append("&layers=").append(encode(layers)));
            URI uri = URI.create(url + "/api/gis/export?" + query);
            HttpResponse<InputStream> response;
            try {
                response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new IOException("cannot reach Vigie at " + url + " (is it running? --url): " + e.getMessage(), e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered " + response.statusCode() + ": "
                            + new String(body.readAllBytes(), StandardCharsets.UTF_8).strip());
                }
                String suggested = response.headers().firstValue("Content-Disposition")
                        .map(FILE_NAME::matcher).filter(Matcher::find).map(m -> m.group(1))
                        .orElse("vigie-export." + format);
                Path target = safeTarget(folder, suggested);
                Path partial = target.resolveSibling(target.getFileName() + ".part");
                long bytes = Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.println(target + " (" + bytes + " bytes)");
            }
        }
    }

    /**
     * @return {@code folder/name} with every character outside letters, digits, dot, dash and underscore replaced and
     * no leading dot, checked to lie inside {@code folder}
     */
    static Path safeTarget(Path folder, String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        if (base.isEmpty()) {
            base = "vigie-export";
        }
        Path target = folder.resolve(base).normalize();
        if (!target.getParent().equals(folder)) {
            throw new IllegalArgumentException("refusing to write " + name + " outside " + folder);
        }
        return target;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

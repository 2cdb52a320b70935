package org.vigie.dashboard.internal;

import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The dashboard's static files, packed in the bundle under {@code dashboard/}: which file a request path names
 * and its media type. Kept apart from the servlet so that it can be tested without a framework.
 */
final class DashboardResources {

    /** Relative paths of plain names: no {@code ..}, no hidden files, no back-slashes. */
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml",
            "ico", "image/x-icon");

    /** A file of the dashboard. */
    record Resource(URL url, String mediaType) {
    }

    private final Function<String, URL> entries;

    /** @param entries finds a bundle entry by its path, or {@code null} (e.g. {@code Bundle::getEntry}) */
    DashboardResources(Function<String, URL> entries) {
        this.entries = entries;
    }

    /**
     * @param path the path below {@code /dashboard/}, without its leading slash; "" for the page itself
     * @return the file, or empty when there is none (or the path is not a plain relative path)
     */
    Optional<Resource> find(String path) {
        String name = path.isEmpty() ? "index.html" : path;
        if (!SAFE_PATH.matcher(name).matches()) {
            return Optional.empty();
        }
        URL url = entries.apply("dashboard/" + name);
        return url == null ? Optional.empty() : Optional.of(new Resource(url, mediaType(name)));
    }

    static String mediaType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        // LICENSE files and anything unknown are served as text, never sniffed
        return MEDIA_TYPES.getOrDefault(extension, "text/plain; charset=utf-8");
    }
}

package org.vigie.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the dashboard, a static page of the bundle that reads the REST API and the OGC API from the browser, at
 * {@code /dashboard/}, and its settings at {@code /dashboard/config.json}. Everything the page loads comes from
 * this server: the map and chart libraries are packed in the bundle.
 */
@Component(service = Servlet.class, configurationPid = DashboardServlet.PID)
@Designate(ocd = DashboardConfig.class)
@HttpWhiteboardServletPattern({"/dashboard", "/dashboard/*"})
public class DashboardServlet extends HttpServlet {

    static final String PID = "org.vigie.dashboard";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServlet.class);
    private static final int MIN_REFRESH_SECONDS = 5;

    private final transient DashboardResources resources;
    private final byte[] settings;
    private final String contentSecurityPolicy;
    /** Files and settings change only with a new activation (bundle update or configuration change). */
    private final long lastModified = System.currentTimeMillis() / 1000 * 1000;

    @Activate
    public DashboardServlet(BundleContext context, DashboardConfig config) throws IOException {
        this(new DashboardResources(context.getBundle()::getEntry), config);
    }

    DashboardServlet(DashboardResources resources, DashboardConfig config) throws IOException {
        this.resources = resources;
        this.settings = settings(config);
        this.contentSecurityPolicy = contentSecurityPolicy(config.tileUrl());
    }

    static byte[] settings(DashboardConfig config) throws IOException {
        int refresh = config.refreshSeconds();
        if (refresh < MIN_REFRESH_SECONDS) {
            LOG.warn("{}: refreshSeconds={} is too short, {} s is used", PID, refresh, MIN_REFRESH_SECONDS);
            refresh = MIN_REFRESH_SECONDS;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tileUrl", config.tileUrl().trim());
        body.put("tileAttribution", config.tileAttribution().trim());
        body.put("refreshSeconds", refresh);
        body.put("backgroundLayers", List.of(config.backgroundLayers()).stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        return new ObjectMapper().writeValueAsBytes(body);
    }

    /**
     * Only this server's own files, and the tile server when one is configured: the browser itself refuses any
     * other origin, so the page cannot come to depend on the internet unnoticed.
     */
    static String contentSecurityPolicy(String tileUrl) {
        String images = "'self' data: blob:";
        String tiles = tileUrl.trim();
        int scheme = tiles.indexOf("://");
        if (scheme > 0) {
            int end = tiles.indexOf('/', scheme + 3);
            String origin = (end < 0 ? tiles : tiles.substring(0, end)).replace("{s}", "*");
            images += " " + (origin.contains("{") ? tiles.substring(0, scheme + 1) : origin);
        }
        return "default-src 'self'; img-src " + images + "; style-src 'self' 'unsafe-inline'; object-src 'none'; "
                + "base-uri 'self'; frame-ancestors 'self'";
    }

    @Override
    protected long getLastModified(HttpServletRequest request) {
        return lastModified;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/dashboard/");
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        if (path.equals("/config.json")) {
            response.setContentType("application/json");
            response.setContentLength(settings.length);
            response.getOutputStream().write(settings);
            return;
        }
        Optional<DashboardResources.Resource> resource = resources.find(path.substring(1));
        if (resource.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such file in the dashboard: " + path);
            return;
        }
        response.setContentType(resource.get().mediaType());
        if (resource.get().mediaType().startsWith("text/html")) {
            response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        }
        try (InputStream in = resource.get().url().openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}

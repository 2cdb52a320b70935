package org.vigie.gis.internal.ogc;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves {@link OgcFeatures} under the servlet's mount point (e.g. {@code /ogc/*}); links are built from the URL the
 * client used, or from {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} when a proxy sets them.
 */
public class OgcFeaturesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient OgcFeatures features;

    public OgcFeaturesServlet(OgcFeatures features) {
        this.features = features;
    }

    /** Every method goes to {@link OgcFeatures}, which answers 405 to those it does not serve. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OgcFeatures.Response answer = features.handle(request.getMethod(),
                request.getPathInfo() == null ? "" : request.getPathInfo(),
                OgcFeatures.parseQuery(request.getQueryString()), baseUrl(request), request.getHeader("Accept"));
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        answer.headers().forEach(response::setHeader);
        answer.body().writeTo(response.getOutputStream());
    }

    static String baseUrl(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return baseUrl(request.getScheme(), host, request.getContextPath() + request.getServletPath(),
                request.getHeader("X-Forwarded-Proto"), request.getHeader("X-Forwarded-Host"));
    }

    /** @return {@code scheme://host[:port]/mount}, forwarded values (first of a list) preferred when present */
    static String baseUrl(String scheme, String host, String mountPath, String forwardedProto,
                          String forwardedHost) {
        String usedScheme = first(forwardedProto) == null ? scheme : first(forwardedProto);
        String usedHost = first(forwardedHost) == null ? host : first(forwardedHost);
        return usedScheme + "://" + usedHost + mountPath;
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        String value = header.split(",")[0].trim();
        return value.isEmpty() ? null : value;
    }
}

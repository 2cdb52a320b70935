package org.vigie.web.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.DiagnosticFlag;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.Authenticator;
import org.vigie.api.service.CalibrationService;
import org.vigie.api.service.DiagnosticsService;
import org.vigie.api.service.HindcastService;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.ParameterStore;
import org.vigie.api.service.RatingCurveStore;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;

/**
 * The read-only JSON API under {@code /api}. Times are ISO-8601 UTC; values are in Vigie's SI units, each
 * response naming the unit.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final Pattern STATION_PATH = Pattern.compile("/stations/([^/]+)/(series|forecast|diagnostics)");
    private static final Pattern CALIBRATION_PATH = Pattern.compile("/forecast-points/([^/]+)/calibration");
    private static final Pattern JOB_PATH = Pattern.compile("/jobs/([^/]+)");
    private static final Pattern HINDCAST_START_PATH = Pattern.compile("/forecast-points/([^/]+)/hindcast");
    private static final Pattern HINDCAST_PATH = Pattern.compile("/hindcasts/([^/]+?)(/report)?");
    private static final Pattern RATING_PATH = Pattern.compile("/stations/([^/]+)/rating-curves");
    private static final Pattern CAP_PATH = Pattern.compile("/cap/alerts/([^/]+)");
    private static final Pattern ACKNOWLEDGE_PATH = Pattern.compile("/alerts/([^/]+)/acknowledge");
    private static final String CAP_MEDIA_TYPE = "application/cap+xml; charset=utf-8";
    private static final String ATOM_MEDIA_TYPE = "application/atom+xml; charset=utf-8";
    private static final Duration DEFAULT_SERIES_SPAN = Duration.ofDays(7);
    private static final Duration LONGEST_SERIES_SPAN = Duration.ofDays(3660);

    private final transient PluginRegistry plugins;
    private final transient CatchmentRegistry catchments;
    private final transient SeriesStore series;
    private final transient ForecastArchive forecasts;
    private final transient ForecastService cycles;
    private final transient AlertStore alerts;
    private final transient ParameterStore parameters;
    private final transient ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private final transient Clock clock = Clock.systemUTC();
    private final String port;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient CalibrationService calibrations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient DiagnosticsService diagnostics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient HindcastService hindcasts;

    private final transient Authenticator accounts;
    private final transient RatingCurves ratingCurves;
    private final transient StationForecasts stationForecasts;
    private final transient CapDocuments capDocuments;

    /** A body that is not JSON: a rendered report. */
    private record Rendered(byte[] bytes, String mediaType) {
    }

    @Activate
    public ApiServlet(@Reference PluginRegistry plugins, @Reference CatchmentRegistry catchments,
                      @Reference SeriesStore series, @Reference ForecastArchive forecasts,
                      @Reference ForecastService cycles, @Reference AlertStore alerts,
                      @Reference ParameterStore parameters, @Reference RatingCurveStore ratingCurveStore,
                      @Reference Authenticator accounts, BundleContext context) {
        this.accounts = accounts;
        this.plugins = plugins;
        this.catchments = catchments;
        this.series = series;
        this.forecasts = forecasts;
        this.cycles = cycles;
        this.alerts = alerts;
        this.parameters = parameters;
        this.ratingCurves = new RatingCurves(catchments, series, ratingCurveStore);
        this.stationForecasts = new StationForecasts(catchments, forecasts);
        String sender = context.getProperty("vigie.cap.sender");
        this.capDocuments = new CapDocuments(catchments, alerts, forecasts,
                sender == null || sender.isBlank() ? "vigie@localhost" : sender);
        String configured = context.getProperty("org.osgi.service.http.port");
        this.port = configured == null ? "8080" : configured;
    }

    @Override
    public void init() {
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("Vigie ready in {} ms — REST API at http://localhost:{}/api/registry", sinceJvmStart, port);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, HttpServletResponse.SC_OK, () -> route(pathOf(request), request));
    }

    /**
     * Every write needs a logged-in user or API token ({@link Authenticator}): 401 otherwise, from anywhere.
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, HttpServletResponse.SC_ACCEPTED, () -> {
            if (!Authenticator.fromThisSite(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"),
                    request.getHeader("Host"))) {
                throw new ApiException(403, "a write from another site's page is refused");
            }
            // who acknowledged (or started a calibration) is the logged-in user, not a claim
            String user = authenticated(request);
            String path = pathOf(request);
            Matcher acknowledge = ACKNOWLEDGE_PATH.matcher(path);
            if (acknowledge.matches()) {
                String by = user;
                if (alerts.event(acknowledge.group(1)).isEmpty()) {
                    throw new ApiException(404, "no alert " + acknowledge.group(1));
                }
                return alerts.acknowledge(acknowledge.group(1), by, clock.instant(),
                        valueOr(request.getParameter("note"), ""));
            }
            Matcher hindcast = HINDCAST_START_PATH.matcher(path);
            Matcher rating = RATING_PATH.matcher(path);
            Matcher m = CALIBRATION_PATH.matcher(path);
            try {
                if (hindcast.matches()) {
                    return hindcastService().start(hindcast.group(1), required(request, "calibrateFrom"),
                            required(request, "calibrateTo"), required(request, "from"), required(request, "to"));
                }
                if (rating.matches()) {
                    Station station = catchments.station(rating.group(1))
                            .orElseThrow(() -> new ApiException(404, "unknown station " + rating.group(1)));
                    return ratingCurves.fit(station.code(), required(request, "from"), required(request, "to"),
                            instantParameter(request, "validFrom", required(request, "from")),
                            intParameter(request, "segments", 0));
                }
                if (!m.matches()) {
                    throw new ApiException(404, "no such resource: POST /api" + path);
                }
                return calibrationService().start(m.group(1), required(request, "from"), required(request, "to"),
                        valueOr(request.getParameter("criterion"), "NSE"),
                        valueOr(request.getParameter("method"), "michel"));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, e.getMessage());
            } catch (IllegalStateException e) {
                // e.g. a hindcast of this forecast point is already running
                throw new ApiException(409, e.getMessage());
            }
        });
    }

    /** @return the user the request's credentials prove; 401 without valid ones */
    private String authenticated(HttpServletRequest request) {
        return accounts.authenticate(request.getHeader("Authorization")).orElseThrow(() -> new ApiException(401,
                accounts.configured() ? "log in: valid user and password (HTTP Basic) or API token (Bearer) needed"
                        : "no user is configured yet: see docs/operations.md (bin/vigie passwd)"));
    }

    private interface Answer {
        Object body() throws IOException;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getPathInfo() == null ? "/" : request.getPathInfo();
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Instant required(HttpServletRequest request, String name) {
        Instant value = instantParameter(request, name, null);
        if (value == null) {
            throw new ApiException(400, "'" + name + "' (an ISO-8601 UTC instant) is required");
        }
        return value;
    }

    private HindcastService hindcastService() {
        HindcastService service = hindcasts;
        if (service == null) {
            throw new ApiException(503, "hindcasts are not installed (bundle org.vigie.model.grp)");
        }
        return service;
    }

    private CalibrationService calibrationService() {
        CalibrationService service = calibrations;
        if (service == null) {
            throw new ApiException(503, "calibration is not installed (bundle org.vigie.calibration)");
        }
        return service;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, int okStatus, Answer answer)
            throws IOException {
        String path = pathOf(request);
        Object body;
        int status = okStatus;
        try {
            body = answer.body();
        } catch (ApiException e) {
            status = e.status;
            body = Map.of("error", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} /api{} failed", request.getMethod(), path, e);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            body = Map.of("error", "internal error: " + e.getMessage());
        }
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED && request.getHeader("X-Vigie-Client") == null) {
            // the dashboard logs in with its own form: only other clients are asked by the browser's dialog
            response.setHeader("WWW-Authenticate", "Basic realm=\"Vigie\", charset=\"UTF-8\"");
        }
        if (body instanceof Rendered rendered) {
            response.setContentType(rendered.mediaType());
            response.setContentLength(rendered.bytes().length);
            response.getOutputStream().write(rendered.bytes());
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writerWithDefaultPrettyPrinter().writeValue(response.getOutputStream(), body);
    }

    private Object route(String path, HttpServletRequest request) {
        switch (path) {
            case "/", "" -> {
                return Map.of("endpoints", List.of("/api/registry", "/api/stations",
                        "/api/stations/{code}/series?quantity=H&from=…&to=…", "/api/stations/{code}/forecast",
                        "/api/stations/{code}/diagnostics?quantity=Q&from=…&to=…&format=json|html|svg|png",
                        "/api/stations/{code}/rating-curves",
                        "/api/alerts", "/api/forecast-points", "/api/jobs", "/api/hindcasts", "/api/hindcasts/{id}",
                        "/api/hindcasts/{id}/report", "/api/cap/alerts.atom", "/api/cap/alerts/{alert id}",
                        "POST /api/forecast-points/{id}/calibration?from=…&to=…&criterion=NSE&method=michel",
                        "POST /api/forecast-points/{id}/hindcast?calibrateFrom=…&calibrateTo=…&from=…&to=…",
                        "GET /api/whoami (with credentials)", "GET /api/events (server-sent events)",
                        "POST /api/alerts/{id}/acknowledge[?note=…] (logged in: HTTP Basic or Bearer token)",
                        "POST /api/stations/{code}/rating-curves?from=…&to=…[&validFrom=…][&segments=N]"));
            }
            case "/registry" -> {
                return registry();
            }
            case "/whoami" -> {
                return Map.of("user", authenticated(request));
            }
            case "/stations" -> {
                return stations();
            }
            case "/forecast-points" -> {
                return forecastPoints();
            }
            case "/jobs" -> {
                return calibrationService().jobs();
            }
            case "/hindcasts" -> {
                return hindcastService().jobs();
            }
            case "/cap/alerts.atom" -> {
                String base = request.getRequestURL().toString();
                return new Rendered(capDocuments.feed(java.net.URI.create(base.substring(0,
                        base.length() - "alerts.atom".length()))), ATOM_MEDIA_TYPE);
            }
            case "/alerts" -> {
                return alerts(intParameter(request, "limit", 100));
            }
            default -> {
                Matcher job = JOB_PATH.matcher(path);
                if (job.matches()) {
                    return calibrationService().job(job.group(1))
                            .orElseThrow(() -> new ApiException(404, "no job " + job.group(1)));
                }
                Matcher hindcast = HINDCAST_PATH.matcher(path);
                if (hindcast.matches()) {
                    if (hindcast.group(2) == null) {
                        return hindcastService().job(hindcast.group(1))
                                .orElseThrow(() -> new ApiException(404, "no hindcast " + hindcast.group(1)));
                    }
                    String html = hindcastService().report(hindcast.group(1)).orElseThrow(() -> new ApiException(404,
                            "no report for hindcast " + hindcast.group(1) + " (unknown, running or failed)"));
                    return new Rendered(html.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            "text/html; charset=utf-8");
                }
                Matcher cap = CAP_PATH.matcher(path);
                if (cap.matches()) {
                    return new Rendered(capDocuments.document(cap.group(1)).orElseThrow(() -> new ApiException(404,
                            "no alert " + cap.group(1))), CAP_MEDIA_TYPE);
                }
                Matcher rating = RATING_PATH.matcher(path);
                if (rating.matches()) {
                    Station station = catchments.station(rating.group(1))
                            .orElseThrow(() -> new ApiException(404, "unknown station " + rating.group(1)));
                    return ratingCurves.of(station.code());
                }
                Matcher m = STATION_PATH.matcher(path);
                if (!m.matches()) {
                    throw new ApiException(404, "no such resource: /api" + path);
                }
                Station station = catchments.station(m.group(1))
                        .orElseThrow(() -> new ApiException(404, "unknown station " + m.group(1)));
                return switch (m.group(2)) {
                    case "series" -> series(station, request);
                    case "diagnostics" -> diagnostics(station, request);
                    default -> stationForecasts.of(station.code())
                            .orElseThrow(() -> new ApiException(404, "no forecast yet for station " + station.code()));
                };
            }
        }
    }

    private Map<String, Object> registry() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("plugins", plugins.plugins());
        view.put("catchments", catchments.catchments().stream().map(c -> Map.of("id", c.id(), "name", c.name(),
                "stations", c.stations().size(), "forecastPoints", c.forecastPoints().size())).toList());
        view.put("lastCycle", cycles.lastCycle().orElse(null));
        return view;
    }

    private List<Map<String, Object>> stations() {
        Map<String, VigilanceLevel> levels = alerts.currentLevels();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Station s : catchments.stations()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("station", s);
            item.put("vigilance", levels.getOrDefault(s.code(), VigilanceLevel.GREEN));
            Map<String, Object> latest = new LinkedHashMap<>();
            for (Quantity q : Quantity.values()) {
                series.latest(s.code(), q).ifPresent(o -> latest.put(q.name(), Map.of("time", o.time(),
                        "value", o.value(), "unit", q.unit())));
            }
            item.put("latest", latest);
            List<Map<String, Object>> thresholds = new ArrayList<>();
            for (Quantity q : List.of(Quantity.H, Quantity.Q)) {
                for (var t : catchments.thresholds(s.code(), q)) {
                    Map<String, Object> threshold = new LinkedHashMap<>();
                    threshold.put("quantity", q.name());
                    threshold.put("level", t.level());
                    threshold.put("value", t.value());
                    threshold.put("label", t.label());
                    threshold.put("kind", t.kind());
                    threshold.put("localLevel", t.localLevel());
                    thresholds.add(threshold);
                }
            }
            item.put("thresholds", thresholds);
            list.add(item);
        }
        return list;
    }

    /** The query's quantity (default H) and period (default the last 7 days), checked. */
    private record SeriesQuery(Quantity quantity, Instant from, Instant to) {
    }

    private SeriesQuery seriesQuery(HttpServletRequest request) {
        Quantity quantity;
        try {
            quantity = Quantity.parse(request.getParameter("quantity") == null ? "H" : request.getParameter("quantity"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        Instant to = instantParameter(request, "to", clock.instant());
        Instant from = instantParameter(request, "from", to.minus(DEFAULT_SERIES_SPAN));
        if (!from.isBefore(to)) {
            throw new ApiException(400, "'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(LONGEST_SERIES_SPAN) > 0) {
            throw new ApiException(400, "at most " + LONGEST_SERIES_SPAN.toDays() + " days per request");
        }
        return new SeriesQuery(quantity, from, to);
    }

    private Object diagnostics(Station station, HttpServletRequest request) {
        SeriesQuery query = seriesQuery(request);
        DiagnosticsService service = diagnostics;
        if (service == null) {
            throw new ApiException(503, "data diagnostics are not installed (bundle org.vigie.qc)");
        }
        String format = valueOr(request.getParameter("format"), "json").toUpperCase(java.util.Locale.ROOT);
        if (format.equals("JSON")) {
            var report = service.report(station.code(), query.quantity(), query.from(), query.to());
            // written field by field: Jackson's core module cannot write the Optional gap
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("stationCode", report.stationCode());
            body.put("quantity", report.quantity());
            body.put("from", report.from());
            body.put("to", report.to());
            body.put("expectedStep", report.expectedStep());
            body.put("observationCount", report.observationCount());
            body.put("completenessPercent", report.completenessPercent());
            body.put("flaggedPercent", report.flaggedPercent());
            body.put("longestGap", report.longestGap().orElse(null));
            body.put("anomalies", report.anomalies());
            return body;
        }
        DiagnosticsService.Format rendering;
        try {
            rendering = DiagnosticsService.Format.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "format must be json, html, svg or png, got '"
                    + request.getParameter("format") + "'");
        }
        return new Rendered(service.render(station.code(), query.quantity(), query.from(), query.to(), rendering),
                rendering.mediaType());
    }

    private Map<String, Object> series(Station station, HttpServletRequest request) {
        SeriesQuery query = seriesQuery(request);
        Quantity quantity = query.quantity();
        Instant from = query.from();
        Instant to = query.to();
        Map<String, Set<DiagnosticFlag>> flagsOf = new HashMap<>();
        for (ObservationFlags f : series.readFlags(station.code(), quantity, from, to)) {
            flagsOf.put(f.time() + "|" + f.source(), f.flags());
        }
        List<Map<String, Object>> values = new ArrayList<>();
        for (Observation o : series.read(station.code(), quantity, from, to)) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("time", o.time());
            value.put("value", o.value());
            value.put("quality", o.quality());
            value.put("source", o.provenance().source());
            // absent: not checked yet; empty: checked and clean
            value.put("flags", flagsOf.get(o.time() + "|" + o.provenance().source()));
            values.add(value);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("station", station.code());
        body.put("quantity", quantity);
        body.put("unit", quantity.unit());
        body.put("from", from);
        body.put("to", to);
        body.put("observations", values);
        return body;
    }

    private List<Map<String, Object>> forecastPoints() {
        List<Map<String, Object>> points = new ArrayList<>();
        for (ForecastPoint point : catchments.forecastPoints()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("forecastPoint", point);
            item.put("storedParameters", parameters.history(point.id(), point.modelId()));
            points.add(item);
        }
        return points;
    }

    private Map<String, Object> alerts(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new ApiException(400, "'limit' must be between 1 and 10000");
        }
        List<Map<String, Object>> events = new ArrayList<>();
        alerts.events(limit).forEach(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("event", e);
            item.put("deliveries", alerts.deliveries(e.id()));
            item.put("acknowledgement", alerts.acknowledgement(e.id()).orElse(null));
            item.put("audit", alerts.audit(e.id()));
            events.add(item);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("levels", alerts.currentLevels());
        body.put("outbox", alerts.outboxCounts());
        body.put("events", events);
        return body;
    }

    private static Instant instantParameter(HttpServletRequest request, String name, Instant fallback) {
        String text = request.getParameter(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "'" + name + "' must be an ISO-8601 UTC instant such as "
                    + "2024-10-18T06:00:00Z, got '" + text + "'");
        }
    }

    private static int intParameter(HttpServletRequest request, String name, int fallback) {
        String text = request.getParameter(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new ApiException(400, "'" + name + "' must be an integer, got '" + text + "'");
        }
    }
}

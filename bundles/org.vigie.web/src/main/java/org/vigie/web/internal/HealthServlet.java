package org.vigie.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.CycleReport;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.OutboxEntry;
import org.vigie.api.service.PluginInfo;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: whether Vigie is watching — the store answers, forecast cycles run, alert deliveries are not
 * piling up, connectors are up and stations deliver data. {@code UP} and {@code DEGRADED} answer 200 (503 for
 * {@code DEGRADED} too with {@code ?failOn=degraded}), {@code DOWN} 503, so that a monitor can use the status alone.
 */
@Component(service = Servlet.class, configurationPid = HealthServlet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HealthServlet.Config.class)
@HttpWhiteboardServletPattern("/health")
public final class HealthServlet extends HttpServlet {
    static final String PID = "org.vigie.web.health";
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @ObjectClassDefinition(name = "Vigie health", description = "When /health reports DEGRADED")
    public @interface Config {
        @AttributeDefinition(description = "Oldest acceptable last forecast cycle, minutes (3 cycles by default)")
        long maxCycleAgeMinutes() default 15;

        @AttributeDefinition(description = "A station whose latest value is older than this is stale, hours")
        long staleDataHours() default 6;

        @AttributeDefinition(description = "Most alert deliveries waiting before it is a backlog")
        long maxPendingDeliveries() default 20;
    }

    private final transient PluginRegistry plugins;
    private final transient CatchmentRegistry catchments;
    private final transient SeriesStore series;
    private final transient ForecastService cycles;
    private final transient AlertStore alerts;
    private final transient Config config;
    private final transient Clock clock;
    private final Instant started;

    @Activate
    public HealthServlet(@Reference PluginRegistry plugins, @Reference CatchmentRegistry catchments,
                         @Reference SeriesStore series, @Reference ForecastService cycles,
                         @Reference AlertStore alerts, Config config) {
        this(plugins, catchments, series, cycles, alerts, config, Clock.systemUTC());
    }

    HealthServlet(PluginRegistry plugins, CatchmentRegistry catchments, SeriesStore series, ForecastService cycles,
                  AlertStore alerts, Config config, Clock clock) {
        this.plugins = plugins;
        this.catchments = catchments;
        this.series = series;
        this.cycles = cycles;
        this.alerts = alerts;
        this.config = config;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> body;
        try {
            body = check();
        } catch (RuntimeException e) {
            // a part of the platform failing mid-check (typically the store) is what a monitor must hear about
            body = new LinkedHashMap<>();
            body.put("status", Health.Status.DOWN);
            body.put("time", clock.instant());
            body.put("error", e.getMessage());
        }
        Health.Status status = (Health.Status) body.get("status");
        boolean failOnDegraded = "degraded".equalsIgnoreCase(request.getParameter("failOn"));
        response.setStatus(status == Health.Status.DOWN || failOnDegraded && status == Health.Status.DEGRADED
                ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** @return the overall status first, then each check with its own status and why */
    Map<String, Object> check() {
        Instant now = clock.instant();
        Map<String, Object> checks = new LinkedHashMap<>();
        List<Health.Status> statuses = new ArrayList<>();

        Map<OutboxEntry.Status, Long> outbox = null;
        try {
            outbox = alerts.outboxCounts();
            statuses.add(put(checks, "store", Health.Status.UP, "answers"));
        } catch (RuntimeException e) {
            statuses.add(put(checks, "store", Health.Status.DOWN, e.getMessage()));
        }

        Optional<CycleReport> last = cycles.lastCycle();
        Duration maxAge = Duration.ofMinutes(config.maxCycleAgeMinutes());
        Instant reference = last.map(CycleReport::finished).orElse(started);
        boolean late = Duration.between(reference, now).compareTo(maxAge) > 0;
        boolean failing = last.map(c -> !c.failures().isEmpty()).orElse(false);
        String detail = last.map(c -> "cycle " + c.number() + " finished " + c.finished() + ", "
                + c.failures().size() + " failures").orElse("no cycle yet")
                + (late ? "; older than " + maxAge.toMinutes() + " min" : "");
        Map<String, Object> cycle = entry(late || failing ? Health.Status.DEGRADED : Health.Status.UP, detail);
        last.ifPresent(c -> {
            cycle.put("number", c.number());
            cycle.put("failures", c.failures());
        });
        checks.put("forecastCycles", cycle);
        statuses.add((Health.Status) cycle.get("status"));

        if (outbox != null) {
            long pending = outbox.getOrDefault(OutboxEntry.Status.PENDING, 0L);
            Map<String, Object> deliveries = entry(pending > config.maxPendingDeliveries() ? Health.Status.DEGRADED
                    : Health.Status.UP, pending + " waiting, " + outbox.getOrDefault(OutboxEntry.Status.REJECTED, 0L)
                    + " rejected, " + outbox.getOrDefault(OutboxEntry.Status.DELIVERED, 0L) + " delivered");
            checks.put("alertOutbox", deliveries);
            statuses.add((Health.Status) deliveries.get("status"));
        }

        Map<String, Object> connectors = new LinkedHashMap<>();
        for (PluginInfo plugin : plugins.plugins()) {
            if (plugin.kind() == PluginInfo.Kind.CONNECTOR) {
                Health health = plugin.health();
                Health.Status status = health.status() == Health.Status.UP ? Health.Status.UP : Health.Status.DEGRADED;
                Map<String, Object> connector = entry(status, health.message());
                connector.put("bundle", plugin.bundle() + " " + plugin.bundleVersion());
                connector.put("lastActivity", health.lastActivity());
                connectors.put(plugin.id(), connector);
                statuses.add(status);
            }
        }
        checks.put("connectors", connectors);

        Map<String, Object> stations = new LinkedHashMap<>();
        Duration stale = Duration.ofHours(config.staleDataHours());
        for (Station station : catchments.stations()) {
            Optional<Observation> latest = latestOf(station.code());
            boolean old = latest.isEmpty() || Duration.between(latest.get().time(), now).compareTo(stale) > 0;
            Map<String, Object> freshness = entry(old ? Health.Status.DEGRADED : Health.Status.UP, latest.isEmpty()
                    ? "no data" : "latest value " + latest.get().time() + (old ? ", older than " + stale.toHours()
                    + " h" : ""));
            latest.ifPresent(o -> freshness.put("latest", o.time()));
            stations.put(station.code(), freshness);
            statuses.add((Health.Status) freshness.get("status"));
        }
        checks.put("stations", stations);

        Health.Status overall = statuses.contains(Health.Status.DOWN) ? Health.Status.DOWN
                : statuses.contains(Health.Status.DEGRADED) ? Health.Status.DEGRADED : Health.Status.UP;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", overall);
        body.put("time", now);
        body.putAll(checks);
        return body;
    }

    private Optional<Observation> latestOf(String station) {
        Optional<Observation> latest = Optional.empty();
        for (Quantity quantity : Quantity.values()) {
            Optional<Observation> candidate = series.latest(station, quantity);
            if (candidate.isPresent() && (latest.isEmpty() || candidate.get().time().isAfter(latest.get().time()))) {
                latest = candidate;
            }
        }
        return latest;
    }

    private static Health.Status put(Map<String, Object> checks, String name, Health.Status status, String why) {
        checks.put(name, entry(status, why));
        return status;
    }

    private static Map<String, Object> entry(Health.Status status, String why) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", status);
        entry.put("detail", why);
        return entry;
    }
}

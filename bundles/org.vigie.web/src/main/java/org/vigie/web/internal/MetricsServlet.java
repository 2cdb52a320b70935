package org.vigie.web.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.vigie.api.Health;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.OutboxEntry;
import org.vigie.api.service.PluginInfo;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.service.SeriesStore;
import org.vigie.api.spi.IngestListener;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /metrics}: Vigie's figures in the Prometheus text format (version 0.0.4). */
@Component(service = {Servlet.class, IngestListener.class})
@HttpWhiteboardServletPattern("/metrics")
public final class MetricsServlet extends HttpServlet implements IngestListener {
    private static final long serialVersionUID = 1L;

    private final transient PluginRegistry plugins;
    private final transient CatchmentRegistry catchments;
    private final transient SeriesStore series;
    private final transient ForecastService cycles;
    private final transient AlertStore alerts;
    private final transient Map<String, LongAdder> ingests = new ConcurrentHashMap<>();

    @Activate
    public MetricsServlet(@Reference PluginRegistry plugins, @Reference CatchmentRegistry catchments,
                          @Reference SeriesStore series, @Reference ForecastService cycles,
                          @Reference AlertStore alerts) {
        this.plugins = plugins;
        this.catchments = catchments;
        this.series = series;
        this.cycles = cycles;
        this.alerts = alerts;
    }

    @Override
    public void stored(String stationCode, Quantity quantity, Instant from, Instant to) {
        ingests.computeIfAbsent(labels("station", stationCode, "quantity", quantity.name()), k -> new LongAdder())
                .increment();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        write(out);
        out.flush();
    }

    void write(PrintWriter out) {
        StringBuilder stored = new StringBuilder();
        StringBuilder latest = new StringBuilder();
        for (Station station : catchments.stations()) {
            for (Quantity quantity : Quantity.values()) {
                long count = series.count(station.code(), quantity);
                if (count > 0) {
                    String labels = labels("station", station.code(), "quantity", quantity.name());
                    sample(stored, "vigie_observations_stored", labels, count);
                    series.latest(station.code(), quantity).ifPresent(o -> sample(latest,
                            "vigie_observation_latest_timestamp_seconds", labels, o.time().getEpochSecond()));
                }
            }
        }
        family(out, "vigie_observations_stored", "gauge", "Observations stored per series", stored);
        family(out, "vigie_observation_latest_timestamp_seconds", "gauge", "Time of the latest value per series",
                latest);
        StringBuilder commits = new StringBuilder();
        ingests.forEach((labels, count) -> sample(commits, "vigie_ingest_commits_total", labels, count.sum()));
        family(out, "vigie_ingest_commits_total", "counter", "Committed ingests per series since start", commits);

        family(out, "vigie_forecast_points", "gauge", "Forecast points of the installed catchments",
                sample(new StringBuilder(), "vigie_forecast_points", "", catchments.forecastPoints().size()));
        cycles.lastCycle().ifPresent(last -> {
            family(out, "vigie_forecast_cycle_number", "gauge", "Number of the last forecast cycle",
                    sample(new StringBuilder(), "vigie_forecast_cycle_number", "", last.number()));
            family(out, "vigie_forecast_cycle_duration_seconds", "gauge", "Duration of the last forecast cycle",
                    sample(new StringBuilder(), "vigie_forecast_cycle_duration_seconds", "",
                            Duration.between(last.started(), last.finished()).toNanos() / 1e9));
            family(out, "vigie_forecast_cycle_forecasts", "gauge", "Forecasts the last cycle produced",
                    sample(new StringBuilder(), "vigie_forecast_cycle_forecasts", "", last.produced().size()));
            family(out, "vigie_forecast_cycle_failures", "gauge", "Forecast points the last cycle could not forecast",
                    sample(new StringBuilder(), "vigie_forecast_cycle_failures", "", last.failures().size()));
            family(out, "vigie_forecast_cycle_finished_timestamp_seconds", "gauge", "When the last cycle finished",
                    sample(new StringBuilder(), "vigie_forecast_cycle_finished_timestamp_seconds", "",
                            last.finished().getEpochSecond()));
        });

        StringBuilder deliveries = new StringBuilder();
        Map<OutboxEntry.Status, Long> outbox = alerts.outboxCounts();
        for (OutboxEntry.Status status : OutboxEntry.Status.values()) {
            sample(deliveries, "vigie_alert_deliveries", labels("status", status.name().toLowerCase(Locale.ROOT)),
                    outbox.getOrDefault(status, 0L));
        }
        family(out, "vigie_alert_deliveries", "gauge", "Alert deliveries in the outbox by status", deliveries);
        StringBuilder vigilance = new StringBuilder();
        Map<String, VigilanceLevel> levels = alerts.currentLevels();
        for (Station station : catchments.stations()) {
            sample(vigilance, "vigie_station_vigilance_level", labels("station", station.code()),
                    levels.getOrDefault(station.code(), VigilanceLevel.GREEN).ordinal());
        }
        family(out, "vigie_station_vigilance_level", "gauge", "Current vigilance level: 0 green … 3 red", vigilance);

        StringBuilder up = new StringBuilder();
        StringBuilder activity = new StringBuilder();
        for (PluginInfo plugin : plugins.plugins()) {
            String labels = labels("id", plugin.id(), "kind", plugin.kind().name().toLowerCase(Locale.ROOT),
                    "bundle", plugin.bundle(), "version", plugin.bundleVersion());
            Health health = plugin.health();
            sample(up, "vigie_plugin_up", labels, health.status() == Health.Status.UP ? 1
                    : health.status() == Health.Status.DEGRADED ? 0.5 : 0);
            if (health.lastActivity() != null) {
                sample(activity, "vigie_plugin_last_activity_timestamp_seconds", labels,
                        health.lastActivity().getEpochSecond());
            }
        }
        family(out, "vigie_plugin_up", "gauge", "1 when the plug-in reports UP, 0.5 DEGRADED, 0 DOWN", up);
        family(out, "vigie_plugin_last_activity_timestamp_seconds", "gauge", "Last activity a plug-in reported",
                activity);
    }

    /** Writes one metric family: its help and type lines, then all its samples together, as the format asks. */
    private static void family(PrintWriter out, String name, String type, String help, CharSequence samples) {
        out.print("# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n");
        out.print(samples);
    }

    private static StringBuilder sample(StringBuilder out, String name, String labels, double value) {
        return out.append(name).append(labels).append(' ').append(value == Math.rint(value)
                && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value)).append('\n');
    }

    /** @return {@code {k1="v1",…}} with the values escaped as the format asks */
    static String labels(String... keysAndValues) {
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) {
                labels.append(',');
            }
            labels.append(keysAndValues[i]).append("=\"").append(keysAndValues[i + 1].replace("\\", "\\\\")
                    .replace("\"", "\\\"").replace("\n", "\\n")).append('"');
        }
        return labels.append('}').toString();
    }
}

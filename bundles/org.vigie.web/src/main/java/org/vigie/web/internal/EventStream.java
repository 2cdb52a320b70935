package org.vigie.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Quantity;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CycleReport;
import org.vigie.api.service.ForecastService;
import org.vigie.api.spi.IngestListener;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/events}: server-sent events telling open pages what changed, so they refetch only that —
 * {@code observations} ({@code {"station","quantity"}}) after every committed ingest, {@code forecasts}
 * ({@code {"cycle"}}) after every forecast cycle, {@code alerts} ({@code {"id"}} of the newest) after every alert
 * event or acknowledgement, and a comment every 15 s so proxies keep the connection open.
 */
@Component(service = {Servlet.class, IngestListener.class})
@HttpWhiteboardServletPattern("/api/events")
@HttpWhiteboardServletAsyncSupported
public final class EventStream extends HttpServlet implements IngestListener {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient AlertStore alerts;
    private final transient ForecastService cycles;
    private final transient List<AsyncContext> clients = new CopyOnWriteArrayList<>();
    private final transient ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "vigie-event-stream");
        thread.setDaemon(true);
        return thread;
    });
    private transient String lastAlert;
    private transient long lastCycle = -1;
    private transient long ticks;

    @Activate
    public EventStream(@Reference AlertStore alerts, @Reference ForecastService cycles) {
        this.alerts = alerts;
        this.cycles = cycles;
        lastAlert = newestAlert();
        lastCycle = cycles.lastCycle().map(CycleReport::number).orElse(-1L);
        // alerts and cycles have no listener interface: their newest entry is looked at every second
        watcher.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        watcher.shutdownNow();
        for (AsyncContext client : clients) {
            try {
                client.complete();
            } catch (RuntimeException e) {
                LOG.debug("a page had already gone", e);
            }
        }
        clients.clear();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        response.getOutputStream().write(("retry: 5000\n: connected " + Instant.now() + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                clients.remove(async);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                clients.remove(async);
            }

            @Override
            public void onError(AsyncEvent event) {
                clients.remove(async);
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        clients.add(async);
    }

    @Override
    public void stored(String stationCode, Quantity quantity, Instant from, Instant to) {
        // not on the ingest's thread: a slow page must never hold up storing observations
        if (clients.isEmpty()) {
            return;
        }
        watcher.execute(() -> send("observations", Map.of("station", stationCode, "quantity", quantity.name())));
    }

    /** @return how many pages are listening */
    int clientCount() {
        return clients.size();
    }

    private void watch() {
        if (clients.isEmpty()) {
            return; // nobody listens: the store is not read (a page that connects later reads everything anyway)
        }
        try {
            String alert = newestAlert();
            if (alert != null && !alert.equals(lastAlert)) {
                lastAlert = alert;
                send("alerts", Map.of("id", alert.substring(0, alert.indexOf('/'))));
            }
            long cycle = cycles.lastCycle().map(CycleReport::number).orElse(-1L);
            if (cycle != lastCycle) {
                lastCycle = cycle;
                send("forecasts", Map.of("cycle", cycle));
            }
            if (++ticks % 15 == 0) {
                write(": keep-alive\n\n");
            }
        } catch (RuntimeException e) {
            LOG.warn("event stream: {}", e.getMessage());
        }
    }

    /**
     * @return what changes when an alert is raised or acknowledged: the newest event and how many of the recent ones
     * are acknowledged (acknowledgements have no event of their own)
     */
    private String newestAlert() {
        var recent = alerts.events(20);
        if (recent.isEmpty()) {
            return null;
        }
        long acknowledged = recent.stream().filter(e -> alerts.acknowledgement(e.id()).isPresent()).count();
        return recent.get(0).id() + "/" + acknowledged;
    }

    private void send(String event, Map<String, Object> data) {
        try {
            write("event: " + event + "\ndata: " + JSON.writeValueAsString(data) + "\n\n");
        } catch (IOException e) {
            LOG.debug("event {} not serialised", event, e);
        }
    }

    /** Writes to every listening page; a page that has gone is forgotten. */
    private void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (AsyncContext client : clients) {
            try {
                synchronized (client) {
                    var out = client.getResponse().getOutputStream();
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                clients.remove(client);
                try {
                    client.complete();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
        }
    }
}

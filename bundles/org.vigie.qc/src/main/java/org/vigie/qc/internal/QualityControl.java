package org.vigie.qc.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.DiagnosticReport;
import org.vigie.api.service.DiagnosticsService;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.SeriesStore;
import org.vigie.api.spi.IngestListener;

/**
 * Diagnoses every ingest: re-checks the series around the new observations (their neighbours in time decide
 * spikes, flatlines and gaps) and records the flags beside the raw values; also serves the diagnostic reports.
 * Checks run on a thread of their own so that a connector's delivery never waits for them.
 */
@Component(service = {IngestListener.class, DiagnosticsService.class}, configurationPid = QualityControl.PID)
@Designate(ocd = QualityControl.Config.class)
public final class QualityControl implements IngestListener, DiagnosticsService {

    static final String PID = "org.vigie.qc";

    @ObjectClassDefinition(name = "Vigie data diagnostics")
    public @interface Config {
        @AttributeDefinition(description = "Hours around new observations whose flags are re-computed")
        long recheckHours() default 48;

        @AttributeDefinition(description = "Days of history the level/discharge and neighbour tests learn the"
                + " usual relation from")
        long referenceDays() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(QualityControl.class);
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final SeriesStore store;
    private final Duration recheck;
    private final Duration reference;
    private final Clock clock;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vigie-diagnostics");
        thread.setDaemon(true);
        return thread;
    });
    private final List<StationQcConfiguration> stationSettings = new CopyOnWriteArrayList<>();

    @Activate
    public QualityControl(@Reference SeriesStore store, Config config) {
        this(store, Duration.ofHours(config.recheckHours()), Duration.ofDays(config.referenceDays()),
                Clock.systemUTC());
    }

    QualityControl(SeriesStore store, Duration recheck, Duration reference, Clock clock) {
        if (recheck.isNegative() || recheck.isZero() || reference.compareTo(recheck) < 0) {
            throw new IllegalArgumentException(PID + ": recheckHours must be positive and referenceDays cover it");
        }
        this.store = store;
        this.recheck = recheck;
        this.reference = reference;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStationSettings(StationQcConfiguration settings) {
        stationSettings.add(settings);
    }

    void removeStationSettings(StationQcConfiguration settings) {
        stationSettings.remove(settings);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        checks.shutdown();
        if (!checks.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            // flags are re-computed by the next ingest around the same times: nothing is lost
            checks.shutdownNow();
        }
    }

    /** One series of one station. */
    private record SeriesKey(String stationCode, Quantity quantity) {
    }

    /** The stretch of a series waiting to be re-checked. */
    private record Span(Instant from, Instant to) {
        Span with(Span other) {
            return new Span(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
        }
    }

    /**
     * Stretches waiting per series: a burst of deliveries (one MQTT message or CSV file each) widens the waiting
     * stretch instead of queueing one 30-day re-check per delivery.
     */
    private final Map<SeriesKey, Span> pending = new ConcurrentHashMap<>();
    /** Series with a task queued for them; the task takes whatever stretch is pending when it runs. */
    private final Set<SeriesKey> queued = ConcurrentHashMap.newKeySet();

    @Override
    public void stored(String stationCode, Quantity quantity, Instant from, Instant to) {
        SeriesKey key = new SeriesKey(stationCode, quantity);
        pending.merge(key, new Span(from, to), Span::with);
        if (queued.add(key)) {
            checks.execute(() -> runPending(key));
        }
    }

    private void runPending(SeriesKey key) {
        // un-queued first: a delivery arriving from here on queues a new task, or is taken by this one
        queued.remove(key);
        Span span = pending.remove(key);
        if (span == null) {
            return;
        }
        try {
            recheck(key.stationCode(), key.quantity(), span.from(), span.to());
            if (key.quantity() == Quantity.H || key.quantity() == Quantity.Q) {
                // the pairs' consistency changed for the other quantity too
                recheck(key.stationCode(), key.quantity() == Quantity.H ? Quantity.Q : Quantity.H, span.from(),
                        span.to());
            }
        } catch (RuntimeException e) {
            LOG.error("diagnostics of {} {} {}..{} failed; the next ingest re-checks them", key.stationCode(),
                    key.quantity(), span.from(), span.to(), e);
        }
    }

    /** Runs the checks queued so far; tests use it to wait for the flags. */
    void awaitChecks() throws Exception {
        checks.submit(() -> { }).get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private void recheck(String stationCode, Quantity quantity, Instant from, Instant to) {
        Instant readFrom = from.minus(reference);
        Instant readTo = to.plus(recheck).plusNanos(1);
        DiagnosedPeriod period = diagnose(stationCode, quantity, readFrom, readTo);
        Instant recordFrom = from.minus(recheck);
        List<ObservationFlags> flags = new ArrayList<>();
        for (int i = 0; i < period.observations().size(); i++) {
            Observation o = period.observations().get(i);
            if (!o.time().isBefore(recordFrom)) {
                flags.add(new ObservationFlags(o.time(), o.provenance().source(), period.flags().get(i)));
            }
        }
        store.recordFlags(stationCode, quantity, flags);
        long flagged = flags.stream().filter(f -> !f.flags().isEmpty()).count();
        LOG.debug("{} {}: {} observations checked from {}, {} flagged", stationCode, quantity, flags.size(),
                recordFrom, flagged);
    }

    @Override
    public DiagnosticReport report(String stationCode, Quantity quantity, Instant from, Instant to) {
        return diagnose(stationCode, quantity, from, to).report();
    }

    @Override
    public byte[] render(String stationCode, Quantity quantity, Instant from, Instant to, Format format) {
        DiagnosedPeriod period = diagnose(stationCode, quantity, from, to);
        return switch (format) {
            case HTML -> ReportRenderer.html(period).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case SVG -> ReportRenderer.svg(period).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case PNG -> ReportRenderer.png(period);
        };
    }

    private DiagnosedPeriod diagnose(String stationCode, Quantity quantity, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        StationQcSettings settings = settingsOf(stationCode, quantity);
        List<Observation> observations = store.read(stationCode, quantity, from, to);
        List<Observation> partner = quantity == Quantity.H || quantity == Quantity.Q
                ? store.read(stationCode, quantity == Quantity.H ? Quantity.Q : Quantity.H, from, to) : List.of();
        List<Observation> neighbour = settings.neighbourStation()
                .map(code -> store.read(code, quantity, from.minus(settings.neighbour().orElseThrow().lag()),
                        to.minus(settings.neighbour().orElseThrow().lag())))
                .orElse(List.of());
        return StationDiagnostics.diagnose(stationCode, quantity, from, to, observations, partner, neighbour,
                settings, clock.instant());
    }

    /** Thresholds naming the quantity win over thresholds for all quantities; defaults otherwise. */
    private StationQcSettings settingsOf(String stationCode, Quantity quantity) {
        Optional<StationQcConfiguration> configured = stationSettings.stream()
                .filter(s -> s.station().equals(stationCode) && s.appliesTo(quantity))
                .max(Comparator.comparing(StationQcConfiguration::isSpecific));
        return configured.map(s -> s.settings(quantity)).orElseGet(() -> StationQcSettings.defaults(quantity));
    }
}

package org.vigie.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Catchment;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.Threshold;
import org.vigie.api.service.CatchmentRegistry;

/**
 * Extender for catchment bundles: an active bundle with a {@value CatchmentRegistry#CATCHMENT_HEADER} header
 * brings its catchment in; when it stops, the catchment leaves. An invalid definition is refused whole, logged
 * with the reason, and changes nothing: an update to an invalid definition keeps the previous one.
 *
 * <p>An update stops and restarts the bundle: the catchment is retired only if its bundle has not come back within
 * {@link #RETIRE_AFTER}, so that forecast cycles and vigilance never see it missing while a new version replaces it.
 */
@Component(service = CatchmentRegistry.class)
public class CatchmentExtender implements CatchmentRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CatchmentExtender.class);

    /** How long a stopped catchment bundle's definition stays in service, waiting for an update to bring it back. */
    static final Duration RETIRE_AFTER = Duration.ofSeconds(5);

    private final Map<Long, Catchment> byBundle = new ConcurrentHashMap<>();
    private final Map<Long, ScheduledFuture<?>> retiring = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retirements = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "vigie-catchment-retirement");
        thread.setDaemon(true);
        return thread;
    });
    private final BundleTracker<Catchment> tracker;

    @Activate
    public CatchmentExtender(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Catchment addingBundle(Bundle bundle, BundleEvent event) {
                synchronized (CatchmentExtender.this) {
                    ScheduledFuture<?> retirement = retiring.remove(bundle.getBundleId());
                    if (retirement != null) {
                        retirement.cancel(false);
                    }
                    Catchment previous = retirement == null ? null : byBundle.get(bundle.getBundleId());
                    Catchment loaded = load(bundle);
                    if (loaded == null && previous != null) {
                        LOG.error("catchment '{}' keeps its previous definition: the new version of {} was refused",
                                previous.id(), bundle.getSymbolicName());
                        return previous;
                    }
                    return loaded;
                }
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Catchment catchment) {
                // content changes arrive as a stop/start of the bundle
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Catchment catchment) {
                long id = bundle.getBundleId();
                synchronized (CatchmentExtender.this) {
                    retiring.put(id, retirements.schedule(() -> retire(id, catchment, bundle),
                            RETIRE_AFTER.toMillis(), TimeUnit.MILLISECONDS));
                }
            }
        });
        tracker.open();
    }

    private synchronized void retire(long bundleId, Catchment catchment, Bundle bundle) {
        if (retiring.remove(bundleId) != null && byBundle.remove(bundleId, catchment)) {
            LOG.info("catchment '{}' retired with bundle {} {}", catchment.id(), bundle.getSymbolicName(),
                    bundle.getVersion());
        }
    }

    /**
     * A new bundle may replace a stopped one under another file name (…-1.0.jar by …-1.1.jar): the stopped one's
     * definition, still in service for its grace period, gives way at once.
     */
    private void replaceRetiring(Catchment candidate) {
        for (Long bundleId : List.copyOf(retiring.keySet())) {
            Catchment stopped = byBundle.get(bundleId);
            if (stopped != null && conflict(stopped, candidate).isPresent()) {
                retiring.remove(bundleId).cancel(false);
                byBundle.remove(bundleId);
                LOG.info("catchment '{}' of a stopped bundle replaced by the new definition", stopped.id());
            }
        }
    }

    @Deactivate
    void close() {
        tracker.close();
        retirements.shutdownNow();
    }

    private Catchment load(Bundle bundle) {
        String file = bundle.getHeaders().get(CATCHMENT_HEADER);
        if (file == null) {
            return null;
        }
        String origin = bundle.getSymbolicName() + "/" + file;
        URL entry = bundle.getEntry(file);
        if (entry == null) {
            LOG.error("catchment bundle {} refused: {} names '{}', which the bundle does not contain",
                    bundle.getSymbolicName(), CATCHMENT_HEADER, file);
            return null;
        }
        try (InputStream in = entry.openStream()) {
            Catchment catchment = CatchmentParser.parse(in, origin);
            replaceRetiring(catchment);
            Optional<String> clash = clash(catchment, bundle.getBundleId());
            if (clash.isPresent()) {
                LOG.error("catchment bundle {} refused: {}", bundle.getSymbolicName(), clash.get());
                return null;
            }
            byBundle.put(bundle.getBundleId(), catchment);
            LOG.info("catchment '{}' installed from {} {}: {} stations, {} thresholds, {} forecast points",
                    catchment.id(), bundle.getSymbolicName(), bundle.getVersion(), catchment.stations().size(),
                    catchment.thresholds().size(), catchment.forecastPoints().size());
            return catchment;
        } catch (CatchmentParser.InvalidCatchmentException e) {
            LOG.error("catchment bundle {} refused: {}", bundle.getSymbolicName(), e.getMessage());
            return null;
        } catch (IOException e) {
            LOG.error("catchment bundle {} refused: cannot read {}: {}", bundle.getSymbolicName(), file, e.toString());
            return null;
        }
    }

    private Optional<String> clash(Catchment candidate, long bundleId) {
        for (Map.Entry<Long, Catchment> entry : byBundle.entrySet()) {
            if (entry.getKey() == bundleId) {
                continue; // its own previous version, being replaced
            }
            Optional<String> conflict = conflict(entry.getValue(), candidate);
            if (conflict.isPresent()) {
                return conflict;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> conflict(Catchment installed, Catchment candidate) {
        if (installed.id().equals(candidate.id())) {
            return Optional.of("catchment id '" + candidate.id() + "' is already installed");
        }
        for (Station s : candidate.stations()) {
            if (installed.stations().stream().anyMatch(o -> o.code().equals(s.code()))) {
                return Optional.of("station " + s.code() + " already belongs to catchment '" + installed.id() + "'");
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Catchment> catchments() {
        List<Catchment> all = new ArrayList<>(byBundle.values());
        all.sort(Comparator.comparing(Catchment::id));
        return all;
    }

    @Override
    public Optional<Station> station(String code) {
        return stations().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    @Override
    public List<Station> stations() {
        return catchments().stream().flatMap(c -> c.stations().stream()).toList();
    }

    @Override
    public List<Threshold> thresholds(String stationCode, Quantity quantity) {
        return catchments().stream().flatMap(c -> c.thresholds(stationCode, quantity).stream()).toList();
    }

    @Override
    public List<ForecastPoint> forecastPoints() {
        return catchments().stream().flatMap(c -> c.forecastPoints().stream()).toList();
    }
}

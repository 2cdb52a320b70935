package org.vigie.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.service.PluginInfo;
import org.vigie.api.service.PluginInfo.Kind;
import org.vigie.api.service.PluginRegistry;
import org.vigie.api.spi.AlertChannel;
import org.vigie.api.spi.RiverModel;
import org.vigie.api.spi.StationConnector;

/**
 * The whiteboard: tracks every connector, model and channel service. A departing service is forgotten at once,
 * so nothing keeps using a plug-in whose bundle has gone.
 */
@Component(service = {PluginRegistry.class, PluginLookup.class})
public class PluginRegistryComponent implements PluginRegistry, PluginLookup {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistryComponent.class);

    private record Entry(Kind kind, Object service, String id, Supplier<Health> health, Bundle bundle,
                         String version, Instant since) {
    }

    private final Map<ServiceReference<?>, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConnector(StationConnector connector, ServiceReference<StationConnector> ref) {
        add(ref, Kind.CONNECTOR, connector, connector::id, connector::health);
    }

    void removeConnector(ServiceReference<StationConnector> ref) {
        remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(RiverModel model, ServiceReference<RiverModel> ref) {
        add(ref, Kind.MODEL, model, model::id, () -> Health.up(null));
    }

    void removeModel(ServiceReference<RiverModel> ref) {
        remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(AlertChannel channel, ServiceReference<AlertChannel> ref) {
        add(ref, Kind.CHANNEL, channel, channel::id, channel::health);
    }

    void removeChannel(ServiceReference<AlertChannel> ref) {
        remove(ref);
    }

    private void add(ServiceReference<?> ref, Kind kind, Object service, Supplier<String> id,
                     Supplier<Health> health) {
        Bundle bundle = ref.getBundle();
        Entry entry = new Entry(kind, service, id.get(), health, bundle, bundle.getVersion().toString(),
                clock.instant());
        entries.put(ref, entry);
        LOG.info("{} '{}' registered by {} {}", kind.name().toLowerCase(), entry.id, bundle.getSymbolicName(),
                entry.version);
    }

    private void remove(ServiceReference<?> ref) {
        Entry gone = entries.remove(ref);
        if (gone != null) {
            LOG.info("{} '{}' of {} {} unregistered", gone.kind.name().toLowerCase(), gone.id,
                    gone.bundle.getSymbolicName(), gone.version);
        }
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> view = new ArrayList<>();
        for (Entry e : entries.values()) {
            view.add(new PluginInfo(e.id, e.kind, e.bundle.getSymbolicName(), e.version, e.bundle.getBundleId(),
                    e.since, healthOf(e)));
        }
        view.sort(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id)
                .thenComparing(PluginInfo::bundleVersion));
        return view;
    }

    private static Health healthOf(Entry e) {
        try {
            return e.health.get();
        } catch (RuntimeException failure) {
            // a plug-in whose health check throws is itself unhealthy; the view must still be served
            return Health.down("health check failed: " + failure);
        }
    }

    @Override
    public Optional<VersionedModel> model(String id) {
        // the newest registration wins when two versions run side by side during a deploy
        return entries.values().stream()
                .filter(e -> e.kind == Kind.MODEL && e.id.equals(id))
                .max(Comparator.comparing(Entry::since))
                .map(e -> new VersionedModel((RiverModel) e.service, e.version));
    }

    @Override
    public List<AlertChannel> channels() {
        return entries.values().stream().filter(e -> e.kind == Kind.CHANNEL)
                .map(e -> (AlertChannel) e.service).toList();
    }
}

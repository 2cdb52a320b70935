package org.vigie.core.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationSink;
import org.vigie.api.service.SeriesStore;
import org.vigie.api.spi.IngestListener;

/**
 * Where connectors deliver: stores the batch (committed before returning), then re-evaluates the vigilance of
 * every station and quantity the batch touched, from the latest stored value, and tells the
 * {@link IngestListener}s (data diagnostics) which stretch of which series received new values.
 */
@Component(service = ObservationSink.class)
public class ObservationIngest implements ObservationSink {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationIngest.class);

    private record SeriesKey(String station, Quantity quantity) {
    }

    private record Span(Instant from, Instant to) {
        Span including(Instant time) {
            return new Span(time.isBefore(from) ? time : from, time.isAfter(to) ? time : to);
        }
    }

    private final SeriesStore store;
    private final VigilanceMonitor vigilance;
    private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public ObservationIngest(@Reference SeriesStore store, @Reference VigilanceMonitor vigilance) {
        this.store = store;
        this.vigilance = vigilance;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(IngestListener listener) {
        listeners.add(listener);
    }

    void removeListener(IngestListener listener) {
        listeners.remove(listener);
    }

    @Override
    public AppendResult ingest(Collection<Observation> observations) {
        AppendResult result = store.append(observations);
        Map<SeriesKey, Span> touched = new LinkedHashMap<>();
        for (Observation o : observations) {
            touched.merge(new SeriesKey(o.stationCode(), o.quantity()), new Span(o.time(), o.time()),
                    (span, one) -> span.including(one.from()));
        }
        for (SeriesKey key : touched.keySet()) {
            try {
                store.latest(key.station, key.quantity).ifPresent(vigilance::observed);
            } catch (RuntimeException e) {
                // the data is committed; a failed evaluation must not make the connector deliver it again
                LOG.error("threshold evaluation failed for {} {}", key.station, key.quantity, e);
            }
        }
        if (result.stored() > 0) {
            touched.forEach((key, span) -> notifyListeners(key, span));
        }
        return result;
    }

    private void notifyListeners(SeriesKey key, Span span) {
        for (IngestListener listener : listeners) {
            try {
                listener.stored(key.station, key.quantity, span.from, span.to);
            } catch (RuntimeException e) {
                LOG.error("ingest listener {} failed for {} {}", listener, key.station, key.quantity, e);
            }
        }
    }
}

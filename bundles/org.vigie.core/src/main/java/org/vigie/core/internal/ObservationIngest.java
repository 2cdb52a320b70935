package org.vigie.core.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationSink;
import org.vigie.api.service.SeriesStore;

/**
 * Where connectors deliver: stores the batch (committed before returning), then re-evaluates the vigilance of
 * every station and quantity the batch touched, from the latest stored value.
 */
@Component(service = ObservationSink.class)
public class ObservationIngest implements ObservationSink {

    private static final Logger LOG = LoggerFactory.getLogger(ObservationIngest.class);

    private record SeriesKey(String station, Quantity quantity) {
    }

    private final SeriesStore store;
    private final VigilanceMonitor vigilance;

    @Activate
    public ObservationIngest(@Reference SeriesStore store, @Reference VigilanceMonitor vigilance) {
        this.store = store;
        this.vigilance = vigilance;
    }

    @Override
    public AppendResult ingest(Collection<Observation> observations) {
        AppendResult result = store.append(observations);
        Set<SeriesKey> touched = new LinkedHashSet<>();
        for (Observation o : observations) {
            touched.add(new SeriesKey(o.stationCode(), o.quantity()));
        }
        for (SeriesKey key : touched) {
            try {
                store.latest(key.station, key.quantity).ifPresent(vigilance::observed);
            } catch (RuntimeException e) {
                // the data is committed; a failed evaluation must not make the connector deliver it again
                LOG.error("threshold evaluation failed for {} {}", key.station, key.quantity, e);
            }
        }
        return result;
    }
}

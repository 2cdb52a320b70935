package org.vigie.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vigie.api.Observation;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationSink;
import org.vigie.api.service.StoreException;

/**
 * An idempotent in-memory store that records each committed batch and can be switched "down" to throw like a store
 * whose database is unreachable.
 */
public final class RecordingSink implements ObservationSink {

    private record Identity(String station, Object quantity, Object time, String source) {
    }

    private final List<List<Observation>> batches = new ArrayList<>();
    private final Set<Identity> stored = new HashSet<>();
    private int refusedCalls;
    private boolean down;

    @Override
    public synchronized AppendResult ingest(Collection<Observation> observations) {
        if (down) {
            refusedCalls++;
            throw new StoreException("database unreachable", null);
        }
        int added = 0;
        for (Observation o : observations) {
            if (stored.add(new Identity(o.stationCode(), o.quantity(), o.time(), o.provenance().source()))) {
                added++;
            }
        }
        batches.add(List.copyOf(observations));
        return new AppendResult(added, observations.size() - added);
    }

    public synchronized void setDown(boolean down) {
        this.down = down;
    }

    public synchronized List<List<Observation>> batches() {
        return List.copyOf(batches);
    }

    public synchronized List<Observation> observations() {
        return batches.stream().flatMap(List::stream).toList();
    }

    /** @return how many distinct observations (station, quantity, time, source) are stored */
    public synchronized int storedCount() {
        return stored.size();
    }

    public synchronized int refusedCalls() {
        return refusedCalls;
    }
}

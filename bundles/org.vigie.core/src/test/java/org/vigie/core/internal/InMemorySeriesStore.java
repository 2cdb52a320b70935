package org.vigie.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.SeriesStore;

/** The series store contract held in memory (no flags), for testing core logic in isolation. */
class InMemorySeriesStore implements SeriesStore {

    private final List<Observation> observations = new ArrayList<>();

    @Override
    public synchronized AppendResult append(Collection<Observation> batch) {
        int stored = 0;
        for (Observation o : batch) {
            boolean known = observations.stream().anyMatch(k -> k.stationCode().equals(o.stationCode())
                    && k.quantity() == o.quantity() && k.time().equals(o.time())
                    && k.provenance().source().equals(o.provenance().source()));
            if (!known) {
                observations.add(o);
                stored++;
            }
        }
        observations.sort(Comparator.comparing(Observation::time));
        return new AppendResult(stored, batch.size() - stored);
    }

    @Override
    public synchronized List<Observation> read(String station, Quantity quantity, Instant from, Instant to) {
        return observations.stream().filter(o -> o.stationCode().equals(station) && o.quantity() == quantity
                && !o.time().isBefore(from) && o.time().isBefore(to)).toList();
    }

    @Override
    public synchronized Optional<Observation> latest(String station, Quantity quantity) {
        return observations.stream().filter(o -> o.stationCode().equals(station) && o.quantity() == quantity)
                .reduce((a, b) -> b);
    }

    @Override
    public synchronized long count(String station, Quantity quantity) {
        return observations.stream().filter(o -> o.stationCode().equals(station) && o.quantity() == quantity).count();
    }

    @Override
    public void recordFlags(String station, Quantity quantity, Collection<ObservationFlags> flags) {
    }

    @Override
    public List<ObservationFlags> readFlags(String station, Quantity quantity, Instant from, Instant to) {
        return List.of();
    }
}

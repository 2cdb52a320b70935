package org.vigie.model.grp.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.vigie.api.ForecastPoint;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.Threshold;
import org.vigie.api.Catchment;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.ModelStateStore;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.ParameterSet;
import org.vigie.api.service.ParameterStore;
import org.vigie.api.service.SeriesStore;
import org.vigie.api.spi.ModelState;

/** In-memory doubles of the platform's stores, for the hindcast service's tests. */
final class InMemoryStores {

    private InMemoryStores() {
    }

    /** Observations per station and quantity, kept in time order; flags by station, quantity and time. */
    static final class Series implements SeriesStore {

        private final Map<String, List<Observation>> observations = new ConcurrentHashMap<>();
        private final Map<String, List<ObservationFlags>> flags = new ConcurrentHashMap<>();

        private static String key(String station, Quantity quantity) {
            return station + "/" + quantity;
        }

        @Override
        public synchronized AppendResult append(Collection<Observation> values) {
            Map<String, List<Observation>> added = new HashMap<>();
            for (Observation o : values) {
                added.computeIfAbsent(key(o.stationCode(), o.quantity()), k -> new ArrayList<>()).add(o);
            }
            added.forEach((key, list) -> {
                List<Observation> all = new ArrayList<>(observations.getOrDefault(key, List.of()));
                all.addAll(list);
                all.sort(Comparator.comparing(Observation::time));
                observations.put(key, all);
            });
            return new AppendResult(values.size(), 0);
        }

        @Override
        public List<Observation> read(String stationCode, Quantity quantity, Instant from, Instant to) {
            List<Observation> all = observations.getOrDefault(key(stationCode, quantity), List.of());
            int low = lowerBound(all, from);
            int high = lowerBound(all, to);
            return List.copyOf(all.subList(low, high));
        }

        private static int lowerBound(List<Observation> all, Instant time) {
            int low = 0;
            int high = all.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (all.get(middle).time().isBefore(time)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        @Override
        public Optional<Observation> latest(String stationCode, Quantity quantity) {
            List<Observation> all = observations.getOrDefault(key(stationCode, quantity), List.of());
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        @Override
        public long count(String stationCode, Quantity quantity) {
            return observations.getOrDefault(key(stationCode, quantity), List.of()).size();
        }

        @Override
        public void recordFlags(String stationCode, Quantity quantity, Collection<ObservationFlags> values) {
            flags.computeIfAbsent(key(stationCode, quantity), k -> new ArrayList<>()).addAll(values);
        }

        @Override
        public List<ObservationFlags> readFlags(String stationCode, Quantity quantity, Instant from, Instant to) {
            return flags.getOrDefault(key(stationCode, quantity), List.of()).stream()
                    .filter(f -> !f.time().isBefore(from) && f.time().isBefore(to)).toList();
        }
    }

    /** Parameter versions per forecast point and model. */
    static final class Parameters implements ParameterStore {

        private final Map<String, List<ParameterSet>> sets = new ConcurrentHashMap<>();

        @Override
        public synchronized ParameterSet save(String forecastPointId, String modelId, Map<String, Double> values,
                                              String origin) {
            List<ParameterSet> history = sets.computeIfAbsent(forecastPointId + "/" + modelId, k -> new ArrayList<>());
            ParameterSet set = new ParameterSet(forecastPointId, modelId, history.size() + 1, values, Instant.now(),
                    origin);
            history.add(set);
            return set;
        }

        @Override
        public Optional<ParameterSet> latest(String forecastPointId, String modelId) {
            List<ParameterSet> history = history(forecastPointId, modelId);
            return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
        }

        @Override
        public synchronized List<ParameterSet> history(String forecastPointId, String modelId) {
            return List.copyOf(sets.getOrDefault(forecastPointId + "/" + modelId, List.of()));
        }
    }

    /** The latest state per forecast point and model. */
    static final class States implements ModelStateStore {

        private final Map<String, ModelState> states = new ConcurrentHashMap<>();

        @Override
        public void save(String forecastPointId, ModelState state) {
            states.put(forecastPointId + "/" + state.modelId(), state);
        }

        @Override
        public Optional<ModelState> load(String forecastPointId, String modelId) {
            return Optional.ofNullable(states.get(forecastPointId + "/" + modelId));
        }
    }

    /** A registry holding one fixed catchment. */
    record Catchments(Catchment catchment) implements CatchmentRegistry {

        static Catchments of(List<ForecastPoint> points, List<Threshold> thresholds) {
            return new Catchments(new Catchment("test", "test catchment", List.of(), thresholds, points));
        }

        @Override
        public List<Catchment> catchments() {
            return List.of(catchment);
        }

        @Override
        public Optional<Station> station(String code) {
            return catchment.stations().stream().filter(s -> s.code().equals(code)).findFirst();
        }

        @Override
        public List<Station> stations() {
            return catchment.stations();
        }

        @Override
        public List<Threshold> thresholds(String stationCode, Quantity quantity) {
            return catchment.thresholds(stationCode, quantity);
        }

        @Override
        public List<ForecastPoint> forecastPoints() {
            return catchment.forecastPoints();
        }
    }
}

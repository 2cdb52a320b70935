package org.vigie.connector.sandre.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigie.api.Forecast;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.StoreException;

/**
 * An in-memory forecast archive, idempotent on (forecast point, issue time, model) like the real one, that records
 * every run and can be switched "down" to throw like an archive whose database is unreachable.
 */
final class RecordingArchive implements ForecastArchive {

    private final List<Forecast> runs = new ArrayList<>();
    private int refusedCalls;
    private boolean down;

    @Override
    public synchronized boolean save(Forecast forecast) {
        if (down) {
            refusedCalls++;
            throw new StoreException("archive unreachable", null);
        }
        boolean known = runs.stream().anyMatch(run -> run.forecastPointId().equals(forecast.forecastPointId())
                && run.issueTime().equals(forecast.issueTime()) && run.modelId().equals(forecast.modelId()));
        if (known) {
            return false;
        }
        runs.add(forecast);
        return true;
    }

    @Override
    public synchronized Optional<Forecast> latest(String forecastPointId) {
        return runs.stream().filter(run -> run.forecastPointId().equals(forecastPointId))
                .max(Comparator.comparing(Forecast::issueTime));
    }

    @Override
    public synchronized List<Forecast> runs(String forecastPointId, Instant from, Instant to) {
        return runs.stream().filter(run -> Objects.equals(run.forecastPointId(), forecastPointId)
                && !run.issueTime().isBefore(from) && run.issueTime().isBefore(to)).toList();
    }

    synchronized List<Forecast> runs() {
        return List.copyOf(runs);
    }

    synchronized void setDown(boolean down) {
        this.down = down;
    }

    synchronized int refusedCalls() {
        return refusedCalls;
    }
}

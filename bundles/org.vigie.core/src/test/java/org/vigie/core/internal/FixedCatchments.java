package org.vigie.core.internal;

import java.util.List;
import java.util.Optional;

import org.vigie.api.Catchment;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.Threshold;
import org.vigie.api.service.CatchmentRegistry;

/** A catchment registry holding one fixed catchment. */
record FixedCatchments(Catchment catchment) implements CatchmentRegistry {

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

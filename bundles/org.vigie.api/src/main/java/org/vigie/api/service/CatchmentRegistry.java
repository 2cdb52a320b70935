package org.vigie.api.service;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.vigie.api.Catchment;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.Threshold;

/**
 * The catchments currently installed (each carried by a catchment bundle) and what they define.
 */
@ProviderType
public interface CatchmentRegistry {

    /** The manifest header naming a catchment bundle's definition file, e.g. {@code Vigie-Catchment: catchment.json}. */
    String CATCHMENT_HEADER = "Vigie-Catchment";

    /** @return the installed catchments */
    List<Catchment> catchments();

    /** @return a station of any installed catchment */
    Optional<Station> station(String code);

    /** @return every station of every installed catchment */
    List<Station> stations();

    /** @return the thresholds of a station's quantity */
    List<Threshold> thresholds(String stationCode, Quantity quantity);

    /** @return every forecast point of every installed catchment */
    List<ForecastPoint> forecastPoints();
}

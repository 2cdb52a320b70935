package org.vigie.connector.mqtt.internal;

import java.util.Map;
import java.util.Optional;

import org.vigie.api.Quality;
import org.vigie.api.Quantity;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Where each part of an observation is found in a message, already checked: built by
 * {@link ConnectorSettings#resolve}. Exactly one station source and one quantity source are present.
 *
 * @param topicFilter       the subscription; messages on other topics are refused
 * @param valuePointer      where the value is ({@link JsonPointer#empty()} for the whole payload)
 * @param timePointer       where the time is; empty to always use the time of reception
 * @param timeFormat        how the time is written
 * @param fixedStation      the station of every message
 * @param stationPointer    where the station code is in the payload
 * @param stationTopicLevel which topic level holds the station code, or -1
 * @param stations          accepted codes (code → code) and sensor ids (id → code); empty accepts any code
 * @param fixedQuantity     the quantity of every message
 * @param quantityPointer   where the quantity code is in the payload
 * @param units             the unit each quantity arrives in; a quantity not listed arrives in Vigie's unit
 * @param qualityPointer    where a quality code is; empty means {@link Quality#RAW}
 * @param qualityMap        payload quality code → quality
 */
record PayloadMapping(TopicFilter topicFilter,
                      JsonPointer valuePointer,
                      Optional<JsonPointer> timePointer,
                      TimeFormat timeFormat,
                      Optional<String> fixedStation,
                      Optional<JsonPointer> stationPointer,
                      int stationTopicLevel,
                      Map<String, String> stations,
                      Optional<Quantity> fixedQuantity,
                      Optional<JsonPointer> quantityPointer,
                      Map<Quantity, ValueUnit> units,
                      Optional<JsonPointer> qualityPointer,
                      Map<String, Quality> qualityMap) {

    PayloadMapping {
        stations = Map.copyOf(stations);
        units = Map.copyOf(units);
        qualityMap = Map.copyOf(qualityMap);
    }

    /** @return the unit values of {@code quantity} arrive in */
    ValueUnit unitOf(Quantity quantity) {
        ValueUnit unit = units.get(quantity);
        return unit == null ? ValueUnit.vigieUnitOf(quantity) : unit;
    }
}

package org.vigie.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.vigie.api.Health;

/**
 * A source of observations for one or more stations (a drop folder, a web API, an MQTT topic…).
 *
 * <p>A connector delivers what it receives to the {@link org.vigie.api.service.ObservationSink} service and
 * must consider data delivered only when {@code ingest} has returned (the values are then committed). It keeps
 * anything not yet acknowledged so that a restart or a bundle update loses nothing; re-delivering is always safe,
 * the store is idempotent. Typically one connector instance exists per station, as a ConfigAdmin factory
 * configuration.
 *
 * <p>Methods are called by the core from any thread and must return quickly.
 */
@ConsumerType
public interface StationConnector {

    /** @return a unique, stable id for this instance, e.g. {@code "csv:K435001010"} */
    String id();

    /** @return the codes of the stations this instance delivers for */
    List<String> stationCodes();

    /** @return the connector's current health (configuration errors, source outages, data freshness) */
    Health health();
}

package org.vigie.api.service;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs forecast cycles: on its schedule, and on demand.
 */
@ProviderType
public interface ForecastService {

    /** Runs a cycle now for every forecast point and returns its report. */
    CycleReport runCycle();

    /** @return the report of the last finished cycle, if any */
    Optional<CycleReport> lastCycle();
}

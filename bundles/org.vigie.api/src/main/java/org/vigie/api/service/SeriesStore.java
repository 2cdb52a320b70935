package org.vigie.api.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;

/**
 * The append-only store of raw observations with their provenance.
 *
 * <p>An observation is identified by (station, quantity, time, source): delivering it again stores nothing.
 * Values are never updated or deleted.
 */
@ProviderType
public interface SeriesStore {

    /**
     * Appends observations in one transaction.
     *
     * @throws StoreException when nothing could be stored
     */
    AppendResult append(Collection<Observation> observations);

    /**
     * Reads a station's observations of one quantity with {@code from <= time < to}, in time order. When
     * several sources delivered a value for the same time, each appears (ordered by source name).
     */
    List<Observation> read(String stationCode, Quantity quantity, Instant from, Instant to);

    /** @return the most recent observation of a station's quantity, if any */
    Optional<Observation> latest(String stationCode, Quantity quantity);

    /** @return the number of observations stored for a station and quantity */
    long count(String stationCode, Quantity quantity);

    /**
     * Records the diagnostic flags of stored observations, replacing any flags they had; the values themselves are
     * never touched. Flags of observations that are not stored are ignored.
     *
     * @throws StoreException when nothing could be recorded
     * @since 1.1
     */
    void recordFlags(String stationCode, Quantity quantity, Collection<ObservationFlags> flags);

    /**
     * Reads the recorded flags of a station's observations of one quantity with {@code from <= time < to}, in the
     * order of {@link #read}. Observations never checked have no entry.
     *
     * @since 1.1
     */
    List<ObservationFlags> readFlags(String stationCode, Quantity quantity, Instant from, Instant to);
}

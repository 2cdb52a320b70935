package org.vigie.api;

/**
 * A data-diagnostic test an observation failed. The raw value is never changed: flags are kept beside it (see
 * {@link org.vigie.api.service.SeriesStore#recordFlags}). An observation may fail several tests.
 */
public enum DiagnosticFlag {
    /** Value outside the physically plausible range of its quantity at its station. */
    RANGE,
    /** Isolated value far from its neighbours, or an abrupt jump to a new level (rate of change). */
    SPIKE,
    /** Part of a run of identical values lasting longer than a working sensor stays still (stuck sensor). */
    FLATLINE,
    /** First observation after a stretch of missing time steps. */
    GAP,
    /** Same time stamp as an observation delivered earlier by the same source. */
    DUPLICATE,
    /** Delivered after an observation with a later time stamp. */
    OUT_OF_ORDER,
    /** Time stamp after the time it was checked. */
    FUTURE,
    /** Level and discharge of the station disagree with the stage–discharge relation the pair follows otherwise. */
    LEVEL_DISCHARGE,
    /** The ratio to a configured upstream/downstream neighbour drifted away from its usual value. */
    NEIGHBOUR
}

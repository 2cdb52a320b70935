package org.vigie.qc.internal;

/** What a diagnostic found wrong (or suspicious) about one observation. An observation may carry several. */
public enum QcFlag {
    /** Value outside the physically plausible range of its quantity. */
    RANGE,
    /** Isolated value far from its neighbours, or an abrupt jump to a new level (rate of change). */
    SPIKE,
    /** Part of a run of identical values lasting longer than a sensor normally stays still. */
    FLATLINE,
    /** First observation after a stretch of missing time steps. */
    GAP,
    /** Same time stamp as an observation delivered earlier; the later delivery is flagged. */
    DUPLICATE,
    /** Delivered after an observation with a later time stamp. */
    OUT_OF_ORDER,
    /** Time stamp after the reference "now". */
    FUTURE,
    /** Reserved: level and discharge disagree with the station's rating curve (cross-quantity check, not implemented here). */
    LEVEL_DISCHARGE,
    /** Reserved: disagrees with neighbouring stations (spatial check, not implemented here). */
    NEIGHBOUR
}

package org.vigie.calibration.internal;

/** Stage of a calibration, reported to progress listeners. */
public enum CalibrationPhase {
    /** Michel: evaluation of the start-level grid. */
    SCREENING,
    /** Michel: steepest-descent iterations in transformed space. */
    LOCAL_SEARCH,
    /** CMA-ES generations. */
    EVOLUTION,
    /** Sent once with the final numbers. */
    COMPLETED
}

package org.vigie.model.gr.internal.core;

/** Which series a run keeps: all fluxes and states, only the discharge, or nothing but the end state. */
public enum GrOutputs {
    /** every airGR output series, in airGR's order */
    ALL,
    /** only {@code Qsim}: what calibration needs */
    QSIM_ONLY,
    /** no series at all: a warm-up only needs the state it ends in */
    STATE_ONLY
}

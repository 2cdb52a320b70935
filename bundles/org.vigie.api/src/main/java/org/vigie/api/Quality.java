package org.vigie.api;

/**
 * Quality of one value. Raw observations keep the quality their source declared; diagnostics add their
 * findings beside the raw value, never by changing it.
 */
public enum Quality {
    /** The source said nothing about quality. */
    UNKNOWN,
    /** Delivered raw, not yet checked. */
    RAW,
    /** Checked and good. */
    GOOD,
    /** Checked and doubtful: usable with care. */
    DOUBTFUL,
    /** Checked and wrong: must not feed a model. */
    BAD,
    /** Not observed: filled by interpolation for a model input. */
    FILLED
}

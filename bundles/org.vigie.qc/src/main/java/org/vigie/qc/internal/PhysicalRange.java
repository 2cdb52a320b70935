package org.vigie.qc.internal;

/** Closed interval of plausible values of one quantity, in Vigie's units. */
public record PhysicalRange(double min, double max) {
    public PhysicalRange {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range min " + min + " must not exceed max " + max);
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}

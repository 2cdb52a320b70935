package org.vigie.hydrology.internal.criteria;

/** A component of a composite criterion, e.g. KGE's correlation {@code r}; NaN where airGR returns NA. */
public record SubCriterion(String name, double value) {
}

package org.vigie.api;

/**
 * The four French flood vigilance colours (Vigicrues), in increasing order of danger.
 */
public enum VigilanceLevel {
    /** No particular vigilance. */
    GREEN("vert"),
    /** Risk of rising water without serious damage. */
    YELLOW("jaune"),
    /** Significant flood risk. */
    ORANGE("orange"),
    /** Major flood risk. */
    RED("rouge");

    private final String french;

    VigilanceLevel(String french) {
        this.french = french;
    }

    /** @return the French name used in messages, e.g. "orange" */
    public String french() {
        return french;
    }

    /** @return whether this level is more severe than {@code other} */
    public boolean isAbove(VigilanceLevel other) {
        return compareTo(other) > 0;
    }

    /** @return the more severe of two levels */
    public static VigilanceLevel max(VigilanceLevel a, VigilanceLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

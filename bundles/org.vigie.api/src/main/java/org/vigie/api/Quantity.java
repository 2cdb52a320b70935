package org.vigie.api;

/**
 * A measured or simulated physical quantity, each with the one unit Vigie holds it in.
 */
public enum Quantity {
    /** Water level (stage) above the station's gauge zero, in metres. */
    H("m", "level"),
    /** Discharge, in cubic metres per second. */
    Q("m3/s", "discharge"),
    /** Rainfall depth over the time step, in millimetres. */
    P("mm", "rainfall"),
    /** Potential evapotranspiration over the time step, in millimetres. */
    E("mm", "potential evapotranspiration"),
    /** Air temperature, in degrees Celsius (hydrological convention; GR snow modules expect °C). */
    T("degC", "temperature");

    private final String unit;
    private final String description;

    Quantity(String unit, String description) {
        this.unit = unit;
        this.description = description;
    }

    /** @return the unit values of this quantity are held in, e.g. {@code "m3/s"} */
    public String unit() {
        return unit;
    }

    /** @return a short English description, e.g. {@code "discharge"} */
    public String description() {
        return description;
    }

    /**
     * Parses a quantity code, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the accepted codes when {@code code} is not one of them
     */
    public static Quantity parse(String code) {
        if (code != null) {
            String trimmed = code.trim().toUpperCase(java.util.Locale.ROOT);
            for (Quantity q : values()) {
                if (q.name().equals(trimmed)) {
                    return q;
                }
            }
        }
        throw new IllegalArgumentException("unknown quantity '" + code + "', expected one of H, Q, P, E, T");
    }
}

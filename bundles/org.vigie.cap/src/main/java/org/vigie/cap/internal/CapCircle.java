package org.vigie.cap.internal;

import java.util.Objects;

/** A {@code <circle>}: {@code lat,lon radius}, the radius in kilometres. */
public record CapCircle(CapPoint centre, double radiusKm) {

    public CapCircle {
        Objects.requireNonNull(centre, "centre");
        if (!(radiusKm >= 0) || Double.isInfinite(radiusKm)) {
            throw new IllegalArgumentException("circle radius must be a finite number of km >= 0: " + radiusKm);
        }
    }

    /** @return the text CAP writes, e.g. {@code 47.9,1.9 5} */
    public String text() {
        return centre.text() + " " + CapPoint.decimal(radiusKm);
    }

    /** @return the circle in {@code text} */
    public static CapCircle parse(String text) {
        String[] parts = text.strip().replaceAll("\\s*,\\s*", ",").split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a 'lat,lon radius' circle: '" + text.strip() + "'");
        }
        try {
            return new CapCircle(CapPoint.parse(parts[0]), Double.parseDouble(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a radius in km: '" + parts[1] + "'");
        }
    }
}

package org.vigie.cap.internal;

import java.math.BigDecimal;

/**
 * A WGS84 point as CAP writes it: {@code latitude,longitude} (latitude first, unlike GeoJSON).
 */
public record CapPoint(double latitude, double longitude) {
    public CapPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a WGS84 point: lat=" + latitude + " lon=" + longitude);
        }
    }

    /** @return {@code lat,lon}, each as the shortest plain decimal that reads back to the same double */
    public String text() {
        return decimal(latitude) + "," + decimal(longitude);
    }

    /** @return {@code value} as a plain decimal (no exponent), e.g. {@code 47.9025} */
    static String decimal(double value) {
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** @return the point in {@code text}, {@code lat,lon} */
    static CapPoint parse(String text) {
        int comma = text.indexOf(',');
        if (comma < 0 || text.indexOf(',', comma + 1) >= 0) {
            throw new IllegalArgumentException("not a 'lat,lon' pair: '" + text + "'");
        }
        try {
            return new CapPoint(Double.parseDouble(text.substring(0, comma).strip()),
                    Double.parseDouble(text.substring(comma + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a 'lat,lon' pair of decimal degrees: '" + text + "'");
        }
    }
}

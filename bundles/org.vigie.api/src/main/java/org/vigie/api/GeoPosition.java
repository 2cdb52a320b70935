package org.vigie.api;

/**
 * A position in WGS84 (EPSG:4326) decimal degrees.
 *
 * @param longitude degrees east, in [-180, 180]
 * @param latitude  degrees north, in [-90, 90]
 */
public record GeoPosition(double longitude, double latitude) {
    public GeoPosition {
        if (!(longitude >= -180 && longitude <= 180) || !(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("not a WGS84 position: lon=" + longitude + " lat=" + latitude);
        }
    }
}

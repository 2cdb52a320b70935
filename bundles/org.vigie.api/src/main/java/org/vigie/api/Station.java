package org.vigie.api;

import java.util.Objects;

/**
 * A gauging station.
 *
 * @param code               the station's identifier, e.g. the 10-character HYDRO code {@code K435001010}
 * @param name               human-readable name, e.g. "La Loire à Orléans - Pont Royal"
 * @param river              the river it measures, e.g. "Loire"
 * @param position           WGS84 position
 * @param lambert93          Lambert-93 position
 * @param gaugeZeroAltitude  altitude of the gauge zero in metres (NGF-IGN69), or {@code null} when unknown
 */
public record Station(String code, String name, String river, GeoPosition position, Lambert93 lambert93,
                      Double gaugeZeroAltitude) {
    public Station {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a station needs a code");
        }
        Objects.requireNonNull(position, "position of station " + code);
        if (lambert93 == null) {
            lambert93 = Lambert93.fromWgs84(position);
        }
        name = name == null ? code : name;
        river = river == null ? "" : river;
    }
}

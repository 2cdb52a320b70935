package org.vigie.cap.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An {@code <area>}: a description and optional geometry and codes.
 *
 * @param areaDesc text
 * @param polygons polygons, latitude first
 * @param circles  circles
 * @param geocodes e.g. {@code NUTS3 = FR246}
 * @param altitude optional, in feet above mean sea level as CAP says
 * @param ceiling  optional, in feet; only with an altitude
 */
public record CapArea(String areaDesc, List<CapPolygon> polygons, List<CapCircle> circles, List<CapValue> geocodes,
                      BigDecimal altitude, BigDecimal ceiling) {
    public CapArea {
        Objects.requireNonNull(areaDesc, "areaDesc");
        polygons = polygons == null ? List.of() : List.copyOf(polygons);
        circles = circles == null ? List.of() : List.copyOf(circles);
        geocodes = geocodes == null ? List.of() : List.copyOf(geocodes);
    }
}

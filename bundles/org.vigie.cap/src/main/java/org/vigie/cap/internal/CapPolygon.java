package org.vigie.cap.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code <polygon>}: points {@code lat,lon lat,lon …}. CAP 1.2 asks for a closed ring of at least four points,
 * first equal to last; the schema does not check it and real alerts break it (a single point, an empty
 * {@code <polygon/>}), so reading keeps whatever is there and {@link #isClosedRing()} tells.
 */
public record CapPolygon(List<CapPoint> points) {

    public CapPolygon {
        points = List.copyOf(points);
    }

    /** @return whether this is a ring as CAP 1.2 wants it: at least four points, the first equal to the last */
    public boolean isClosedRing() {
        return points.size() >= 4 && points.get(0).equals(points.get(points.size() - 1));
    }

    /** @return the text CAP writes, e.g. {@code 47.9,1.9 47.9,2.0 47.8,2.0 47.9,1.9} */
    public String text() {
        return points.stream().map(CapPoint::text).collect(Collectors.joining(" "));
    }

    /**
     * @return the polygon in {@code text}; white space separates pairs, and is also tolerated after a comma
     * @throws IllegalArgumentException naming the bad pair
     */
    public static CapPolygon parse(String text) {
        List<CapPoint> points = new ArrayList<>();
        String normalized = text.strip().replaceAll("\\s*,\\s*", ",");
        if (!normalized.isEmpty()) {
            for (String pair : normalized.split("\\s+")) {
                points.add(CapPoint.parse(pair));
            }
        }
        return new CapPolygon(points);
    }
}

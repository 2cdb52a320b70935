package org.vigie.api;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A station's stage–discharge relation, valid from an instant on (until a newer curve of the same station takes
 * over: old data keep their old curve). It is a chain of power-law segments {@code Q = a·(H − h0)^b}, each
 * applying from its {@code fromLevel} up to the next segment's; conversions outside the gauged range
 * [{@code first fromLevel}, {@code maxGaugedLevel}] are extrapolations and say so.
 *
 * @param stationCode    the station
 * @param validFrom      the first instant the curve applies to
 * @param segments       segments in increasing {@code fromLevel}; together they must make Q increase with H
 * @param maxGaugedLevel the highest level the curve was fitted on (m)
 */
public record RatingCurve(String stationCode, Instant validFrom, List<Segment> segments, double maxGaugedLevel) {

    /**
     * One power-law piece.
     *
     * @param fromLevel lowest level it applies to (m); not below {@code h0}
     * @param a         coefficient (m³/s per m^b)
     * @param h0        level of zero flow (m)
     * @param b         exponent (dimensionless), positive
     */
    public record Segment(double fromLevel, double a, double h0, double b) {
        public Segment {
            if (!(a > 0) || !(b > 0) || !(fromLevel >= h0) || !Double.isFinite(a) || !Double.isFinite(b)
                    || !Double.isFinite(fromLevel) || !Double.isFinite(h0)) {
                throw new IllegalArgumentException("segment needs a > 0, b > 0 and fromLevel >= h0, got a=" + a
                        + " b=" + b + " fromLevel=" + fromLevel + " h0=" + h0);
            }
        }

        double discharge(double level) {
            return level <= h0 ? 0 : a * Math.pow(level - h0, b);
        }

        double level(double discharge) {
            return h0 + Math.pow(discharge / a, 1 / b);
        }
    }

    /** A converted value and whether it was extrapolated beyond the gauged range. */
    public record Conversion(double value, boolean extrapolated) {
    }

    public RatingCurve {
        Objects.requireNonNull(stationCode, "stationCode");
        Objects.requireNonNull(validFrom, "validFrom");
        if (stationCode.isBlank()) {
            throw new IllegalArgumentException("a rating curve needs a station code");
        }
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a rating curve needs at least one segment");
        }
        for (int i = 1; i < segments.size(); i++) {
            Segment previous = segments.get(i - 1);
            Segment next = segments.get(i);
            if (!(next.fromLevel > previous.fromLevel)) {
                throw new IllegalArgumentException("segments must be in increasing fromLevel");
            }
            // a jump down at a joint would make Q → H ambiguous
            if (next.discharge(next.fromLevel) < previous.discharge(next.fromLevel) - 1e-9 * (1 + previous
                    .discharge(next.fromLevel))) {
                throw new IllegalArgumentException("discharge decreases at level " + next.fromLevel);
            }
        }
        if (!(maxGaugedLevel >= segments.get(0).fromLevel) || !Double.isFinite(maxGaugedLevel)) {
            throw new IllegalArgumentException("maxGaugedLevel below the first segment");
        }
    }

    /** Converts a level (m) to a discharge (m³/s). */
    public Conversion discharge(double level) {
        if (Double.isNaN(level)) {
            throw new IllegalArgumentException("level must be a number, got NaN");
        }
        return new Conversion(segmentForLevel(level).discharge(level), isExtrapolated(level));
    }

    /** Converts a discharge (m³/s) to a level (m), the inverse of {@link #discharge}. */
    public Conversion level(double discharge) {
        if (!(discharge >= 0)) {
            throw new IllegalArgumentException("discharge must be non-negative, got " + discharge);
        }
        int chosen = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (discharge >= segments.get(i).discharge(segments.get(i).fromLevel)) {
                chosen = i;
            }
        }
        double level = segments.get(chosen).level(discharge);
        if (chosen + 1 < segments.size()) {
            // a discharge inside a jump up at a joint belongs to the joint's level
            level = Math.min(level, segments.get(chosen + 1).fromLevel);
        }
        return new Conversion(level, isExtrapolated(level));
    }

    private Segment segmentForLevel(double level) {
        Segment chosen = segments.get(0);
        for (Segment s : segments) {
            if (level >= s.fromLevel) {
                chosen = s;
            }
        }
        return chosen;
    }

    private boolean isExtrapolated(double level) {
        return level < segments.get(0).fromLevel || level > maxGaugedLevel;
    }

    /**
     * @return the curve of {@code curves} (one station's) that applies at {@code time}: the latest valid from at or
     *         before it
     */
    public static Optional<RatingCurve> applicableAt(Collection<RatingCurve> curves, Instant time) {
        return curves.stream().filter(c -> !c.validFrom.isAfter(time))
                .max(Comparator.comparing(RatingCurve::validFrom));
    }
}

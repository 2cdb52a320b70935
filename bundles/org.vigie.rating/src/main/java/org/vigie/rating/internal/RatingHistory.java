package org.vigie.rating.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigie.api.RatingCurve;

/**
 * The successive rating curves of one station. A curve applies from its {@code validFrom} until the next curve's
 * {@code validFrom} (exclusive), so a value measured at time t is converted with the curve in force at t: re-rating a
 * station does not rewrite its past. Immutable.
 */
public final class RatingHistory {

    private final String stationCode;
    private final List<RatingCurve> curves;

    /**
     * @param stationCode the station; every curve must belong to it
     * @param curves      its curves, in any order; two curves may not share a {@code validFrom}
     */
    public RatingHistory(String stationCode, Collection<RatingCurve> curves) {
        this.stationCode = Objects.requireNonNull(stationCode, "stationCode");
        List<RatingCurve> sorted = new ArrayList<>(curves);
        sorted.sort(Comparator.comparing(RatingCurve::validFrom));
        for (int i = 0; i < sorted.size(); i++) {
            RatingCurve curve = Objects.requireNonNull(sorted.get(i), "curve");
            if (!curve.stationCode().equals(stationCode)) {
                throw new IllegalArgumentException("curve of station " + curve.stationCode() + " in the rating history of "
                        + stationCode);
            }
            if (i > 0 && sorted.get(i - 1).validFrom().equals(curve.validFrom())) {
                throw new IllegalArgumentException("two curves of " + stationCode + " are valid from "
                        + curve.validFrom());
            }
        }
        this.curves = List.copyOf(sorted);
    }

    public static RatingHistory empty(String stationCode) {
        return new RatingHistory(stationCode, List.of());
    }

    public String stationCode() {
        return stationCode;
    }

    /** @return the curves in increasing {@code validFrom} */
    public List<RatingCurve> curves() {
        return curves;
    }

    /** A new history with {@code curve} added (e.g. a curve just fitted to recent gaugings). */
    public RatingHistory with(RatingCurve curve) {
        List<RatingCurve> more = new ArrayList<>(curves);
        more.add(curve);
        return new RatingHistory(stationCode, more);
    }

    /** @return the curve in force at {@code time}: the latest one valid from at or before it; empty before the first */
    public Optional<RatingCurve> applicableAt(Instant time) {
        return RatingCurve.applicableAt(curves, time);
    }

    /** @return the end (exclusive) of {@code curve}'s validity, empty for the current curve */
    public Optional<Instant> validUntil(RatingCurve curve) {
        int index = curves.indexOf(curve);
        if (index < 0) {
            throw new IllegalArgumentException("curve not in the rating history of " + stationCode);
        }
        return index + 1 < curves.size() ? Optional.of(curves.get(index + 1).validFrom()) : Optional.empty();
    }

    /** H (m) measured at {@code time} → Q (m³/s), with the curve in force then; empty when none is. */
    public Optional<RatingCurve.Conversion> discharge(Instant time, double level) {
        return applicableAt(time).map(curve -> curve.discharge(level));
    }

    /** Q (m³/s) at {@code time} → H (m), with the curve in force then; empty when none is. */
    public Optional<RatingCurve.Conversion> level(Instant time, double discharge) {
        return applicableAt(time).map(curve -> curve.level(discharge));
    }

    @Override
    public String toString() {
        return "RatingHistory[" + stationCode + ", " + curves.size() + " curve(s)]";
    }
}

package org.vigie.web.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.RatingCurve;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.RatingCurveStore;
import org.vigie.api.service.SeriesStore;
import org.vigie.rating.internal.Gauging;
import org.vigie.rating.internal.RatingCurveFitter;
import org.vigie.rating.internal.RatingFit;
import org.vigie.rating.internal.RatingFitOptions;

/** A station's stage–discharge curves: listed (shipped and stored), and fitted to its stored H/Q pairs. */
final class RatingCurves {

    private final CatchmentRegistry catchments;
    private final SeriesStore series;
    private final RatingCurveStore store;

    RatingCurves(CatchmentRegistry catchments, SeriesStore series, RatingCurveStore store) {
        this.catchments = catchments;
        this.series = series;
        this.store = store;
    }

    Map<String, Object> of(String stationCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("station", stationCode);
        body.put("shipped", catchments.catchments().stream().flatMap(c -> c.ratingCurves().stream())
                .filter(c -> c.stationCode().equals(stationCode)).toList());
        body.put("stored", store.curves(stationCode));
        return body;
    }

    /**
     * Fits a curve to the station's levels and discharges observed at the same instants in {@code [from, to)}
     * and stores it, valid from {@code validFrom}.
     *
     * @param segments number of segments, or 0 to let the fit choose
     */
    Map<String, Object> fit(String stationCode, Instant from, Instant to, Instant validFrom, int segments) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        Map<Instant, Double> discharges = new HashMap<>();
        for (Observation q : series.read(stationCode, Quantity.Q, from, to)) {
            discharges.putIfAbsent(q.time(), q.value());
        }
        List<Gauging> pairs = new ArrayList<>();
        Map<Instant, Boolean> paired = new HashMap<>();
        for (Observation h : series.read(stationCode, Quantity.H, from, to)) {
            Double q = discharges.get(h.time());
            if (q != null && q > 0 && paired.putIfAbsent(h.time(), Boolean.TRUE) == null) {
                pairs.add(new Gauging(h.value(), q));
            }
        }
        RatingFitOptions options = segments > 0 ? RatingFitOptions.defaults().withSegments(segments)
                : RatingFitOptions.defaults();
        RatingFit fit = new RatingCurveFitter(options).fit(stationCode, validFrom, pairs);
        String origin = "fitted on " + pairs.size() + " H/Q pairs from " + from + " to " + to + ": "
                + fit.residuals().summary();
        store.save(fit.curve(), origin);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("curve", fit.curve());
        body.put("origin", origin);
        return body;
    }
}

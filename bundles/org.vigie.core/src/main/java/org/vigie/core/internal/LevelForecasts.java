package org.vigie.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigie.api.Forecast;
import org.vigie.api.Quantity;
import org.vigie.api.RatingCurve;

/**
 * The level forecast that goes with a discharge forecast: every value and quantile converted through the station's
 * stage–discharge curve applicable at the issue time (quantiles stay quantiles: the curve is increasing). Thresholds
 * are mostly set in level, so this is what vigilance is judged on.
 */
final class LevelForecasts {

    /** Suffix of the forecast point id under which the level forecast of a discharge forecast point is archived. */
    static final String POINT_SUFFIX = "/H";

    private LevelForecasts() {
    }

    static Optional<Forecast> of(Forecast discharge, List<RatingCurve> curves) {
        if (discharge.quantity() != Quantity.Q) {
            return Optional.empty();
        }
        return RatingCurve.applicableAt(curves, discharge.issueTime()).map(curve -> {
            Map<Double, double[]> quantiles = new LinkedHashMap<>();
            discharge.quantiles().forEach((p, values) -> quantiles.put(p, levels(values, curve)));
            return new Forecast(discharge.forecastPointId() + POINT_SUFFIX, discharge.stationCode(), Quantity.H,
                    discharge.modelId(), discharge.modelVersion(), discharge.issueTime(), discharge.leadTimes(),
                    levels(discharge.values(), curve), quantiles);
        });
    }

    private static double[] levels(double[] discharges, RatingCurve curve) {
        double[] levels = new double[discharges.length];
        for (int i = 0; i < discharges.length; i++) {
            double q = discharges[i];
            // a forecast slightly below zero flow (an error correction overshooting) is zero flow
            levels[i] = Double.isNaN(q) ? Double.NaN : curve.level(Math.max(0, q)).value();
        }
        return levels;
    }

    /** The curves of a station: those shipped with its catchment, replaced by stored ones of the same validity. */
    static List<RatingCurve> merge(List<RatingCurve> shipped, List<RatingCurve> stored) {
        Map<java.time.Instant, RatingCurve> byValidity = new LinkedHashMap<>();
        shipped.forEach(c -> byValidity.put(c.validFrom(), c));
        stored.forEach(c -> byValidity.put(c.validFrom(), c));
        return new ArrayList<>(byValidity.values());
    }
}
